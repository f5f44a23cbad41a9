import type {
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionFilter,
  SubscriptionHandler,
} from '../event-store.port';
import { PostgresUnavailableError } from './postgres-errors';

/** A page of matching events after a checkpoint, and the log's head in the same snapshot. */
export interface SubscriptionPage {
  readonly events: readonly RecordedEvent[];
  readonly head: bigint;
}

/** What a subscription needs from the store. */
export interface SubscribedLog {
  readPage(
    afterPosition: bigint,
    limit: number,
    filter: SubscriptionFilter | undefined,
  ): Promise<SubscriptionPage>;
  /** Asks the store to (re)start listening for commit notifications, if it is not. */
  listen(): void;
}

export interface PostgresSubscriptionSettings {
  readonly pageSize: number;
  /** Bound on how late a subscriber notices a commit whose notification was lost. */
  readonly pollIntervalMs: number;
}

/**
 * Catch-up then live delivery. Positions are assigned in commit order (see `postgres-stream-append.ts`),
 * so reading `position > checkpoint` after each wake-up yields every event once, in order. The filter
 * runs in SQL; a short page comes with the head of its snapshot, past which the checkpoint can move
 * since nothing at or below that head can still commit. Wake-ups come from the store after its own
 * appends, from LISTEN for other processes' appends, and from a timer in case a notification is lost.
 */
export class PostgresSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  /** Settles when the delivery loop has stopped and will not touch the database again. */
  readonly stopped: Promise<void>;
  private closed = false;
  private notified = false;
  private checkpoint: bigint;
  private wake: (() => void) | undefined;
  private readonly caughtUpSignal = signal();

  constructor(
    private readonly log: SubscribedLog,
    options: SubscribeToAllOptions,
    private readonly handler: SubscriptionHandler,
    private readonly settings: PostgresSubscriptionSettings,
  ) {
    this.caughtUp = this.caughtUpSignal.promise;
    this.checkpoint = options.fromPosition ?? 0n;
    this.done = this.run(options.filter);
    this.stopped = this.done.then(
      () => undefined,
      () => undefined,
    );
    // Callers may await only one of the two; the other must not surface as an unhandled rejection.
    this.caughtUp.catch(() => undefined);
    this.done.catch(() => undefined);
  }

  /** A commit up to `position` (unknown: undefined) happened; a no-op if already read past it. */
  notify(position?: bigint): void {
    if (position !== undefined && position <= this.checkpoint) return;
    this.notified = true;
    this.wake?.();
  }

  /** Stops delivery. An in-flight handler call is not awaited, so a handler may close its own subscription. */
  close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    return Promise.resolve();
  }

  private async run(filter: SubscriptionFilter | undefined): Promise<void> {
    // Deliver asynchronously: the handler never runs before subscribeToAll has returned.
    await Promise.resolve();
    // "Caught up" means every event committed when the first page was read, which is when we start.
    let startHead: bigint | undefined;
    try {
      while (!this.isClosed()) {
        this.notified = false;
        const page = await this.readPage(filter);
        if (page === undefined) continue;
        startHead ??= page.head;
        for (const event of page.events) {
          if (this.isClosed()) break;
          await this.handler(event);
          this.checkpoint = event.position;
          if (this.checkpoint >= startHead) this.caughtUpSignal.resolve();
        }
        if (this.isClosed()) break;
        if (page.events.length < this.settings.pageSize) {
          if (page.head > this.checkpoint) this.checkpoint = page.head;
          this.caughtUpSignal.resolve();
          await this.waitForCommits();
        }
      }
    } catch (error) {
      this.caughtUpSignal.reject(error);
      throw error;
    }
    // Closed before catching up: resolve rather than leave an awaiting caller hanging.
    this.caughtUpSignal.resolve();
  }

  /** A page, or undefined after waiting out a lost connection: a restarting server does not end delivery. */
  private async readPage(filter: SubscriptionFilter | undefined): Promise<SubscriptionPage | undefined> {
    try {
      return await this.log.readPage(this.checkpoint, this.settings.pageSize, filter);
    } catch (error) {
      if (!(error instanceof PostgresUnavailableError)) throw error;
      await this.waitForCommits();
      return undefined;
    }
  }

  /** A method, not the field, so that the compiler does not assume it unchanged across an await. */
  private isClosed(): boolean {
    return this.closed;
  }

  private waitForCommits(): Promise<void> {
    if (this.notified || this.closed) return Promise.resolve();
    this.log.listen();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.settings.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}

interface Signal {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function signal(): Signal {
  let settle: Omit<Signal, 'promise'> = { resolve: () => undefined, reject: () => undefined };
  const promise = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return {
    promise,
    resolve: () => {
      settle.resolve();
    },
    reject: (error) => {
      settle.reject(error);
    },
  };
}
