import {
  readModelQueryBuilder,
  aborted,
  type EventStore,
  LeasedLoop,
  type LeaseProvider,
  type ReadModelSchema,
  type ReadModelSql,
  type RecordedEvent,
  type Subscription,
} from '@app/event-store';

interface ProcessCheckpointTables {
  process_checkpoint: { name: string; position: number | bigint };
}

const db = readModelQueryBuilder<ProcessCheckpointTables>();

/** Kept beside the read models; positions are BIGINT in PostgreSQL, as log positions may pass 2^31. */
export const PROCESS_CHECKPOINT_SCHEMA: ReadModelSchema = {
  sqlite: `CREATE TABLE IF NOT EXISTS process_checkpoint (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  ) STRICT`,
  postgres: `CREATE TABLE IF NOT EXISTS process_checkpoint (
    name TEXT PRIMARY KEY,
    position BIGINT NOT NULL
  )`,
  // A rebuild of the read models must not make the process managers act on the whole log again.
  tables: [],
};

/**
 * Where a process manager got to in the global log. Stored after each event it handled, so a
 * restart redoes at most that one event; process managers are idempotent for exactly that reason.
 */
export class ProcessCheckpoint {
  constructor(
    private readonly sql: ReadModelSql,
    private readonly name: string,
  ) {}

  /** Creates the table if needed; safe to call from several processes. */
  ensure(): Promise<void> {
    return this.sql.exec(PROCESS_CHECKPOINT_SCHEMA[this.sql.dialect]);
  }

  async read(): Promise<bigint> {
    const row = await this.sql.first(
      db.selectFrom('process_checkpoint').select('position').where('name', '=', this.name),
    );
    return BigInt(row?.position ?? 0);
  }

  async write(position: bigint): Promise<void> {
    await this.sql.run(
      db
        .insertInto('process_checkpoint')
        .values({ name: this.name, position })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet((eb) => ({ position: eb.ref('excluded.position') })),
        ),
    );
  }
}

/**
 * Follows the global log from a process manager's checkpoint, handing it each event of `eventTypes`
 * and storing the position once the handler is done: a crash redoes at most the event in hand.
 * Resolves once the checkpoint is read and the subscription started.
 */
export async function followLog(
  store: EventStore,
  sql: ReadModelSql,
  name: string,
  eventTypes: readonly string[],
  handle: (event: RecordedEvent) => Promise<void>,
): Promise<Subscription> {
  const checkpoint = new ProcessCheckpoint(sql, name);
  await checkpoint.ensure();
  const fromPosition = await checkpoint.read();
  return store.subscribeToAll({ fromPosition, filter: { eventTypes } }, async (event) => {
    await handle(event);
    await checkpoint.write(event.position);
  });
}

export interface LeasedFollowerDeps {
  readonly store: EventStore;
  readonly sql: ReadModelSql;
  readonly leases: LeaseProvider;
  readonly retryMs: number;
  readonly onError: (error: unknown) => void;
}

/** A process manager following the log in whichever process holds its lease. */
export interface LogFollower {
  /** Resolves once this process follows the log, or found the lease held by another process. */
  readonly started: Promise<void>;
  stop(): Promise<void>;
}

/**
 * `followLog` under the lease `process:<name>`, so one process at a time runs a process manager
 * however many workers run; a standby takes over from the checkpoint when the holder dies.
 */
export function followLogUnderLease(
  deps: LeasedFollowerDeps,
  name: string,
  eventTypes: readonly string[],
  handle: (event: RecordedEvent) => Promise<void>,
): LogFollower {
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const loop = new LeasedLoop(
    deps.leases,
    `process:${name}`,
    async (lease, stop) => {
      const subscription = await followLog(deps.store, deps.sql, name, eventTypes, handle);
      markStarted();
      try {
        await Promise.race([subscription.done, lease.lost, aborted(stop)]);
      } finally {
        await subscription.close();
      }
    },
    {
      retryMs: deps.retryMs,
      onError: deps.onError,
      onAttempt: (acquired) => {
        if (!acquired) markStarted();
      },
    },
  );
  return { started, stop: () => loop.stop() };
}
