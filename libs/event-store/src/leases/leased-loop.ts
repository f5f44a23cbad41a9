import type { Lease, LeaseProvider } from './lease';

export interface LeasedLoopOptions {
  /** How often a standby tries to take the lease over. */
  readonly retryMs: number;
  /** After each try to take the lease: whether this process got it. */
  readonly onAttempt?: (acquired: boolean) => void;
  readonly onError?: (error: unknown) => void;
}

/** Resolves when the signal aborts (at once if it has). Create it once per wait loop: each call adds a listener. */
export const aborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve();
    else
      signal.addEventListener(
        'abort',
        () => {
          resolve();
        },
        { once: true },
      );
  });

/**
 * Runs `work` whenever this process holds the lease `name`, and keeps trying to take it while a
 * standby. `work` must return once `lease.lost` resolves or `signal` aborts (the loop is stopping);
 * if it returns or fails while still holding the lease, the lease is released and retaken later.
 */
export class LeasedLoop {
  private readonly stopping = new AbortController();
  private readonly done: Promise<void>;
  private current: Lease | null = null;

  constructor(
    private readonly leases: LeaseProvider,
    readonly name: string,
    private readonly work: (lease: Lease, signal: AbortSignal) => Promise<void>,
    private readonly options: LeasedLoopOptions,
  ) {
    this.done = this.loop();
  }

  /** Whether this process currently runs the task. */
  get holding(): boolean {
    return this.current?.isHeld() ?? false;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.done;
  }

  private async loop(): Promise<void> {
    const signal = this.stopping.signal;
    const stopped = aborted(signal);
    while (!signal.aborted) {
      let lease: Lease | null = null;
      try {
        lease = await this.leases.tryAcquire(this.name);
      } catch (error) {
        this.options.onError?.(error);
      }
      this.options.onAttempt?.(lease !== null);
      if (lease) {
        this.current = lease;
        try {
          await this.work(lease, signal);
        } catch (error) {
          this.options.onError?.(error);
        } finally {
          this.current = null;
          await lease.release();
        }
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise((resolve) => (timer = setTimeout(resolve, this.options.retryMs))),
        stopped,
      ]);
      clearTimeout(timer);
    }
  }
}
