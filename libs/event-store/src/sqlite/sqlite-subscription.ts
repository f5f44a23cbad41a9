import type {
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionFilter,
  SubscriptionHandler,
} from '../event-store.port';

/** What a subscription needs from the store: pages of the committed log, read synchronously. */
export interface CommittedLog {
  readPage(afterPosition: bigint, limit: number): readonly RecordedEvent[];
  headPosition(): bigint;
}

export interface SqliteSubscriptionSettings {
  readonly pageSize: number;
  /** Bound on how late a subscriber notices commits made through another connection. */
  readonly pollIntervalMs: number;
}

/**
 * Catch-up then live delivery from the SQLite log. The checkpoint moves past every event read (matching
 * the filter or not), and positions are handed out in commit order under SQLite's write lock, so reading
 * `position > checkpoint` after each wake-up yields every event once, in order, without gaps.
 * Wake-ups come from the store after its own commits and from a timer for other connections' commits.
 */
export class SqliteSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  /** Settles when the delivery loop has stopped and will not touch the database again. */
  readonly stopped: Promise<void>;
  private closed = false;
  private notified = false;
  private wake: (() => void) | undefined;
  private readonly caughtUpSignal = signal();

  constructor(
    private readonly log: CommittedLog,
    options: SubscribeToAllOptions,
    private readonly handler: SubscriptionHandler,
    private readonly settings: SqliteSubscriptionSettings,
  ) {
    this.caughtUp = this.caughtUpSignal.promise;
    // Read the head now, synchronously: "caught up" means every event committed before subscribing.
    const startHead = log.headPosition();
    this.done = this.run(options.fromPosition ?? 0n, startHead, matcher(options.filter));
    this.stopped = this.done.then(
      () => undefined,
      () => undefined,
    );
    // Callers may await only one of the two; the other must not surface as an unhandled rejection.
    this.caughtUp.catch(() => undefined);
    this.done.catch(() => undefined);
  }

  /** Called by the store after each of its commits. */
  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  /** Stops delivery. An in-flight handler call is not awaited, so a handler may close its own subscription. */
  close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    return Promise.resolve();
  }

  private async run(fromPosition: bigint, startHead: bigint, matches: (event: RecordedEvent) => boolean) {
    // Deliver asynchronously: the handler never runs before subscribeToAll has returned.
    await Promise.resolve();
    let checkpoint = fromPosition;
    try {
      while (!this.isClosed()) {
        if (checkpoint >= startHead) this.caughtUpSignal.resolve();
        this.notified = false;
        const page = this.log.readPage(checkpoint, this.settings.pageSize);
        for (const event of page) {
          if (this.isClosed()) break;
          if (matches(event)) await this.handler(event);
          checkpoint = event.position;
          if (checkpoint >= startHead) this.caughtUpSignal.resolve();
        }
        if (this.isClosed()) break;
        if (page.length < this.settings.pageSize) {
          // A short page read everything committed so far, which includes all that existed at the start.
          this.caughtUpSignal.resolve();
          await this.waitForCommits();
        } else {
          // Let I/O and the append flush (setImmediate) run between pages of a long catch-up.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } catch (error) {
      this.caughtUpSignal.reject(error);
      throw error;
    }
    // Closed before catching up: resolve rather than leave an awaiting caller hanging.
    this.caughtUpSignal.resolve();
  }

  /** A method, not the field, so that the compiler does not assume it unchanged across an await. */
  private isClosed(): boolean {
    return this.closed;
  }

  private waitForCommits(): Promise<void> {
    if (this.notified) return Promise.resolve();
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

function matcher(filter: SubscriptionFilter | undefined): (event: RecordedEvent) => boolean {
  const types = filter?.eventTypes ? new Set(filter.eventTypes) : undefined;
  const prefixes = filter?.streamPrefixes;
  return (event) =>
    (types === undefined || types.has(event.type)) &&
    (prefixes === undefined || prefixes.some((prefix) => event.streamId.startsWith(prefix)));
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
