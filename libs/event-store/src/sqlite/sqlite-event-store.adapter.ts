import type Database from 'better-sqlite3';
import type {
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port';
import { GroupCommitQueue, type GroupCommitStats } from './sqlite-append-batch';
import { openEventStoreDatabase, type SqliteSynchronous } from './sqlite-schema';
import { MAX_INTEGER, SqliteStatements, toRecordedEvent } from './sqlite-statements';
import type { InlineHook } from './sqlite-stream-append';
import { SqliteSubscription } from './sqlite-subscription';

export interface SqliteEventStoreOptions {
  /** The database file (created if missing); read models may share it through `database`. */
  readonly path: string;
  /** FULL (default): an acknowledged append survives power loss. NORMAL: it may not (ADR 0002). */
  readonly synchronous?: SqliteSynchronous;
  /** Most appends written in one transaction; reaching it flushes at once. Defaults to 256. */
  readonly maxBatchSize?: number;
}

/** Rows read per query, so neither a long stream nor the whole log is ever loaded at once. */
const PAGE_SIZE = 500;
/** How soon a subscriber notices commits made through another connection (another process). */
const POLL_INTERVAL_MS = 250;

/**
 * Reads are synchronous and a consumer awaiting each event only yields to microtasks, so a long read
 * would otherwise keep appends (flushed on setImmediate) and I/O waiting until it ends.
 */
const betweenPages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class EventStoreClosedError extends Error {
  constructor() {
    super('The SQLite event store is closed');
    this.name = 'EventStoreClosedError';
  }
}

/**
 * The embedded EventStore: one SQLite file in WAL mode, written with group commit (see
 * `GroupCommitQueue` and ADR 0002). Several instances, in one or several processes, may share a file:
 * SQLite's write lock serialises their batches and subscribers poll for each other's commits.
 */
export class SqliteEventStore implements EventStore {
  private readonly hooks: InlineHook[] = [];
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly commitListeners = new Set<() => void>();
  private readonly queue: GroupCommitQueue;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly statements: SqliteStatements,
    maxBatchSize: number,
  ) {
    this.queue = new GroupCommitQueue(db, statements, this.hooks, maxBatchSize, () => {
      this.notifySubscriptions();
    });
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const maxBatchSize = options.maxBatchSize ?? 256;
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) {
      throw new RangeError(`maxBatchSize must be a positive integer, got ${maxBatchSize}`);
    }
    const db = openEventStoreDatabase(options.path, options.synchronous ?? 'FULL');
    return new SqliteEventStore(db, new SqliteStatements(db), maxBatchSize);
  }

  /**
   * The connection the store writes with, so read models can live in the same file and be updated in
   * the append transaction. Never hold a transaction open on it across an `await`.
   */
  get database(): Database.Database {
    return this.db;
  }

  /** Registers a projection to run inside every append's savepoint, after its events are inserted. */
  addInlineHook(hook: InlineHook): void {
    this.hooks.push(hook);
  }

  /** Called after each batch commits, before subscribers are notified; returns an unsubscribe. */
  onCommitted(listener: () => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Events after `position`, read synchronously: for projections inside a transaction. */
  readAfterSync(position: bigint, maxCount: number): readonly RecordedEvent[] {
    return this.readPage(position, maxCount);
  }

  headPositionSync(): bigint {
    return this.head();
  }

  stats(): GroupCommitStats {
    return this.queue.stats();
  }

  append(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    // Copied so that a caller mutating its array before the batch is flushed changes nothing.
    return this.queue.enqueue({ streamId, events: [...events], expectedRevision: options.expectedRevision });
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const statement = backwards ? this.statements.readStreamBackwards : this.statements.readStreamForwards;
    let next = options.fromRevision ?? (backwards ? MAX_INTEGER : 0n);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const rows = statement.all(streamId, next, Math.min(PAGE_SIZE, remaining));
      for (const row of rows) yield toRecordedEvent(row);
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < PAGE_SIZE) return;
      remaining -= rows.length;
      next = backwards ? last.revision - 1n : last.revision + 1n;
      await betweenPages();
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.fromPosition ?? 0n;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const page = this.readPage(after, Math.min(PAGE_SIZE, remaining));
      for (const event of page) yield event;
      const last = page[page.length - 1];
      if (last === undefined || page.length < PAGE_SIZE) return;
      remaining -= page.length;
      after = last.position;
      await betweenPages();
    }
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription {
    if (this.closed) throw new EventStoreClosedError();
    const log = {
      readPage: (after: bigint, limit: number) => this.readPage(after, limit),
      headPosition: () => this.head(),
    };
    const subscription = new SqliteSubscription(log, options, handler, {
      pageSize: PAGE_SIZE,
      pollIntervalMs: POLL_INTERVAL_MS,
    });
    this.subscriptions.add(subscription);
    void subscription.stopped.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  headPosition(): Promise<bigint> {
    return Promise.resolve(this.head());
  }

  /** Writes pending appends, stops subscriptions (awaiting their in-flight handlers), closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.flush();
    const subscriptions = [...this.subscriptions];
    await Promise.all(subscriptions.map((subscription) => subscription.close()));
    await Promise.all(subscriptions.map((subscription) => subscription.stopped));
    this.db.close();
  }

  private readPage(afterPosition: bigint, limit: number): RecordedEvent[] {
    return this.statements.readAll.all(afterPosition, limit).map(toRecordedEvent);
  }

  private head(): bigint {
    return this.statements.headPosition.get()?.position ?? 0n;
  }

  private notifySubscriptions(): void {
    for (const listener of this.commitListeners) listener();
    for (const subscription of this.subscriptions) subscription.notify();
  }
}
