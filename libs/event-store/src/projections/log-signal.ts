import type { EventStore, Subscription } from '../event-store.port';

/**
 * Wakes waiters when the log grows, through a live subscription that only counts events: runners read
 * in batches themselves and use this instead of polling.
 */
export class LogSignal {
  private waiters = new Set<() => void>();
  private subscription: Subscription | null = null;

  constructor(private readonly store: EventStore) {}

  async start(): Promise<void> {
    const head = await this.store.headPosition();
    this.subscription = this.store.subscribeToAll({ fromPosition: head }, () => {
      this.notify();
    });
  }

  /** Resolves on the next appended event, or after `timeoutMs`. */
  next(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
  }

  notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  async stop(): Promise<void> {
    this.notify();
    await this.subscription?.close();
  }
}
