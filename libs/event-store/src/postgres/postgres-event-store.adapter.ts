import { Pool, type PoolConfig } from 'pg';
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
  SubscriptionFilter,
  SubscriptionHandler,
} from '../event-store.port';
import { CommitListener } from './postgres-commit-listener';
import { PostgresEventStoreClosedError, toStoreError } from './postgres-errors';
import { migrate, storeSchema } from './postgres-schema';
import {
  type EventRow,
  int8AsBigInt,
  MAX_INT8,
  PostgresStatements,
  type StatementName,
  toRecordedEvent,
} from './postgres-statements';
import { appendInTransaction, checkEmptyAppend } from './postgres-stream-append';
import { PostgresSubscription, type SubscriptionPage } from './postgres-subscription';

export { PostgresEventStoreClosedError, PostgresUnavailableError } from './postgres-errors';

export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:port/database` */
  readonly connectionString: string;
  /** The schema holding `events` and `streams`, created if missing. Defaults to `public`. */
  readonly schema?: string;
  /** Most connections the store's pool opens (the LISTEN connection is extra). Defaults to 10. */
  readonly poolSize?: number;
}

/** Rows read per query, so neither a long stream nor the whole log is ever loaded at once. */
const PAGE_SIZE = 500;
/** Fallback for a lost notification: how late a subscriber may notice another process's commit. */
const POLL_INTERVAL_MS = 500;
const CONNECTION_TIMEOUT_MS = 10_000;

type SubscriptionRow = { readonly head: bigint } & { readonly [K in keyof EventRow]: EventRow[K] | null };

/**
 * The EventStore on PostgreSQL (pg, one pool per store). Any number of stores, in any number of
 * processes, may share a database: appends serialise on an advisory lock so the global log has no
 * gaps a reader could skip (`postgres-stream-append.ts`), and subscribers learn of each other's commits
 * through LISTEN/NOTIFY.
 */
export class PostgresEventStore implements EventStore {
  private readonly subscriptions = new Set<PostgresSubscription>();
  private readonly appending = new Set<Promise<unknown>>();
  private readonly listener: CommitListener;
  private closed = false;
  private released = false;

  private constructor(
    private readonly pool: Pool,
    private readonly statements: PostgresStatements,
    config: PoolConfig,
  ) {
    this.listener = new CommitListener(config, (position) => {
      this.notifySubscriptions(position);
    });
  }

  /** Connects and creates the schema's tables if missing (safe when several processes start at once). */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const poolSize = options.poolSize ?? 10;
    if (!Number.isInteger(poolSize) || poolSize < 1) {
      throw new RangeError(`poolSize must be a positive integer, got ${poolSize}`);
    }
    const schema = storeSchema(options.schema ?? 'public');
    const config: PoolConfig = {
      connectionString: options.connectionString,
      connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
      application_name: 'dnscc-event-store',
    };
    const pool = new Pool({ ...config, max: poolSize, types: int8AsBigInt });
    // An idle client whose connection drops emits 'error' on the pool; unheard, it would crash the
    // process. pg discards that client and the next query opens a new connection.
    pool.on('error', () => undefined);
    try {
      await migrate(pool, schema);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw toStoreError(error, 'open');
    }
    return new PostgresEventStore(pool, new PostgresStatements(schema), config);
  }

  append(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new PostgresEventStoreClosedError());
    // Copied so that a caller mutating its array while the append runs changes nothing.
    const request = { streamId, events: [...events], expectedRevision: options.expectedRevision };
    const appended =
      request.events.length === 0
        ? checkEmptyAppend(this.pool, this.statements, request)
        : appendInTransaction(this.pool, this.statements, request).then((result) => {
            this.notifySubscriptions(result.position);
            return result;
          });
    this.appending.add(appended);
    const forget = () => this.appending.delete(appended);
    appended.then(forget, forget);
    return appended;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    const statement = backwards ? 'readStreamBackwards' : 'readStreamForwards';
    let next = options.fromRevision ?? (backwards ? MAX_INT8 : 0n);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const rows = await this.query<EventRow>(statement, [streamId, next, limit]);
      for (const row of rows) yield toRecordedEvent(row);
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < limit) return;
      remaining -= rows.length;
      next = backwards ? last.revision - 1n : last.revision + 1n;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = options.fromPosition ?? 0n;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const rows = await this.query<EventRow>('readAll', [after, limit]);
      for (const row of rows) yield toRecordedEvent(row);
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < limit) return;
      remaining -= rows.length;
      after = last.position;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions, handler: SubscriptionHandler): Subscription {
    if (this.closed) throw new PostgresEventStoreClosedError();
    const log = {
      readPage: (after: bigint, limit: number, filter: SubscriptionFilter | undefined) =>
        this.readSubscriptionPage(after, limit, filter),
      listen: () => {
        this.listener.listen();
      },
    };
    this.listener.listen();
    const subscription = new PostgresSubscription(log, options, handler, {
      pageSize: PAGE_SIZE,
      pollIntervalMs: POLL_INTERVAL_MS,
    });
    this.subscriptions.add(subscription);
    void subscription.stopped.then(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    const [row] = await this.query<{ position: bigint }>('headPosition', []);
    return row?.position ?? 0n;
  }

  /** Waits for running appends, stops subscriptions (awaiting their in-flight handlers), closes connections. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.appending]);
    const subscriptions = [...this.subscriptions];
    await Promise.all(subscriptions.map((subscription) => subscription.close()));
    await Promise.all(subscriptions.map((subscription) => subscription.stopped));
    await this.listener.close();
    this.released = true;
    await this.pool.end();
  }

  private async readSubscriptionPage(
    after: bigint,
    limit: number,
    filter: SubscriptionFilter | undefined,
  ): Promise<SubscriptionPage> {
    const rows = await this.query<SubscriptionRow>('subscriptionPage', [
      after,
      filter?.eventTypes ?? null,
      filter?.streamPrefixes ?? null,
      limit,
    ]);
    const events = rows.flatMap((row) => (row.position === null ? [] : [toRecordedEvent(row as EventRow)]));
    return { events, head: rows[0]?.head ?? 0n };
  }

  private async query<Row extends object>(name: StatementName, values: readonly unknown[]): Promise<Row[]> {
    // Reads stay possible while closing: subscriptions finish their page before the pool ends.
    if (this.released) throw new PostgresEventStoreClosedError();
    try {
      return (await this.pool.query<Row>(this.statements.query(name, values))).rows;
    } catch (error) {
      throw toStoreError(error, 'read');
    }
  }

  private notifySubscriptions(position?: bigint): void {
    for (const subscription of this.subscriptions) subscription.notify(position);
  }
}
