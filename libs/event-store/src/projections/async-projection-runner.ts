import type { EventStore, RecordedEvent } from '../event-store.port';
import type { Lease, LeaseProvider } from '../leases/lease';
import { aborted, LeasedLoop } from '../leases/leased-loop';
import type { ReadModelSql } from '../read-model/read-model-sql';
import { step } from '../read-model/sql-program';
import { LogSignal } from './log-signal';
import type { Projection, ProjectionStatus } from './projection';
import {
  applyBatch,
  CheckpointMovedError,
  ensureCheckpoint,
  migrationOf,
  readCheckpoint,
  readCheckpoints,
  resetProjection,
} from './projection-checkpoints';

export interface AsyncProjectionRunnerOptions {
  readonly batchSize?: number;
  /** How often a standby tries to take a projection's lease over. */
  readonly leaseRetryMs?: number;
  /** Longest idle wait between reads of the log when no append wakes the runner. */
  readonly idleMs?: number;
  readonly onError?: (error: unknown) => void;
  /** This process took a projection over (at start, or from a holder that died). */
  readonly onLeaseTaken?: (projection: string) => void;
}

/** PostgreSQL runners tell waiting api processes that a checkpoint moved (see PostgresReadModelAccess). */
export const READ_MODEL_CHANNEL = 'dnscc_read_model';

/**
 * Feeds read models from the log when they live apart from it (PostgreSQL, or any store beside
 * EventStoreDB). Each projection runs under a lease, so one process at a time applies it, and each
 * batch moves the checkpoint compare-and-set in the batch's transaction: exactly once, even when a
 * lease changes hands mid-batch.
 */
export class AsyncProjectionRunner {
  private readonly loops: LeasedLoop[] = [];
  private readonly signal: LogSignal;
  private readonly batchSize: number;

  constructor(
    private readonly store: EventStore,
    readonly sql: ReadModelSql,
    readonly projections: readonly Projection[],
    private readonly leases: LeaseProvider,
    private readonly options: AsyncProjectionRunnerOptions = {},
  ) {
    this.signal = new LogSignal(store);
    this.batchSize = options.batchSize ?? 2000;
  }

  /** Creates every projection's tables and checkpoint; safe when several processes start at once. */
  async migrate(): Promise<void> {
    for (const projection of this.projections) {
      await this.sql.exec(migrationOf(projection, this.sql.dialect));
      await this.sql.transaction(() => ensureCheckpoint(projection.name));
    }
  }

  /** Starts a leased loop per projection: this process applies those whose lease it wins. */
  async start(): Promise<void> {
    await this.signal.start();
    for (const projection of this.projections) {
      this.loops.push(
        new LeasedLoop(
          this.leases,
          `projection:${projection.name}`,
          (lease, signal) => this.follow(projection, lease, signal),
          {
            retryMs: this.options.leaseRetryMs ?? 1000,
            ...(this.options.onError ? { onError: this.options.onError } : {}),
          },
        ),
      );
    }
  }

  /** The projections this process currently applies. */
  held(): string[] {
    return this.projections.filter((_, i) => this.loops[i]?.holding).map((p) => p.name);
  }

  async stop(): Promise<void> {
    await this.signal.stop();
    await Promise.all(this.loops.map((loop) => loop.stop()));
  }

  async status(): Promise<ProjectionStatus[]> {
    const checkpoints = await this.sql.transaction(() => readCheckpoints());
    return this.projections.map((p) => ({ name: p.name, checkpoint: checkpoints.get(p.name) ?? 0n }));
  }

  /** Empties the given projections and rewinds them to position 0; their runners then rebuild them. */
  async reset(names: readonly string[] = this.projections.map((p) => p.name)): Promise<void> {
    for (const projection of this.projections.filter((p) => names.includes(p.name))) {
      const dialect = this.sql.dialect;
      await this.sql.transaction(() => resetProjection(projection, dialect));
      // Fresh statistics, so the rebuild's lookups by id plan against empty tables, not stale ones.
      if (dialect === 'postgres') {
        for (const table of projection.schema.tables) await this.sql.exec(`ANALYZE ${table}`);
      }
    }
  }

  /**
   * Applies the given projections up to the head as it is now, reading the log once per batch for
   * all of them and applying the batch in one transaction: for the rebuild command, which holds
   * their leases itself. Large batches let each incident's rows be written once per batch, not once
   * per event. Commits need not wait for the disk: a crash only rewinds to an earlier checkpoint,
   * stored in the same transaction as the rows, and the rebuild goes on from there.
   */
  async catchUpAll(
    projections: readonly Projection[],
    onBatch?: (position: bigint) => void,
    batchSize = 20_000,
  ): Promise<void> {
    const checkpoints = await this.sql.transaction(() => readCheckpoints());
    const from = projections.reduce<bigint | null>((low, p) => {
      const checkpoint = checkpoints.get(p.name) ?? 0n;
      return low === null || checkpoint < low ? checkpoint : low;
    }, null);
    if (from === null) return;
    const relaxed = this.sql.dialect === 'postgres';
    // The next batch is read while this one is written: the two wait on different connections.
    let next = this.readBatch(from, batchSize);
    for (;;) {
      const events = await next;
      const last = events.at(-1)?.position;
      if (last === undefined) return;
      next = this.readBatch(last, batchSize);
      // Surfaces through `await next` on the next turn; unobserved meanwhile if this batch fails.
      next.catch(() => undefined);
      await this.sql.transaction(function* () {
        if (relaxed) yield* step.runSql('SET LOCAL synchronous_commit = off');
        for (const projection of projections) {
          const reached = yield* applyBatch(projection, events, checkpoints.get(projection.name) ?? 0n);
          checkpoints.set(projection.name, reached);
        }
      });
      onBatch?.(last);
    }
  }

  private async follow(projection: Projection, lease: Lease, stop: AbortSignal): Promise<void> {
    this.options.onLeaseTaken?.(projection.name);
    let checkpoint = await this.sql.transaction(() => readCheckpoint(projection.name));
    const stopped = aborted(stop);
    while (!stop.aborted && lease.isHeld()) {
      const events = await this.readBatch(checkpoint);
      if (events.length === 0) {
        await Promise.race([this.signal.next(this.options.idleMs ?? 1000), lease.lost, stopped]);
        // A rebuild in another process may have rewound the checkpoint while this one was idle.
        checkpoint = await this.sql.transaction(() => readCheckpoint(projection.name));
        continue;
      }
      try {
        checkpoint = await this.sql.transaction(() => this.applyAndAnnounce(projection, events, checkpoint));
      } catch (error) {
        if (!(error instanceof CheckpointMovedError)) throw error;
        checkpoint = await this.sql.transaction(() => readCheckpoint(projection.name));
      }
    }
  }

  private *applyAndAnnounce(projection: Projection, events: readonly RecordedEvent[], from: bigint) {
    const reached = yield* applyBatch(projection, events, from);
    if (this.sql.dialect === 'postgres') {
      // Delivered at commit, so a waiter that hears it reads the new checkpoint.
      yield* step.runSql(`SELECT pg_notify('${READ_MODEL_CHANNEL}', '')`);
    }
    return reached;
  }

  private async readBatch(from: bigint, maxCount = this.batchSize): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readAll({ fromPosition: from, maxCount })) {
      events.push(event);
    }
    return events;
  }
}
