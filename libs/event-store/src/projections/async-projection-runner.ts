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
      await this.sql.transaction(() => resetProjection(projection));
    }
  }

  /**
   * Applies one projection up to the head as it is now, in batches, without a lease: for the
   * rebuild command, which holds the projection's lease itself.
   */
  async catchUp(projection: Projection, onBatch?: (position: bigint) => void): Promise<void> {
    let checkpoint = await this.sql.transaction(() => readCheckpoint(projection.name));
    for (;;) {
      const events = await this.readBatch(checkpoint);
      if (events.length === 0) return;
      checkpoint = await this.sql.transaction(() => applyBatch(projection, events, checkpoint));
      onBatch?.(checkpoint);
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

  private async readBatch(from: bigint): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of this.store.readAll({ fromPosition: from, maxCount: this.batchSize })) {
      events.push(event);
    }
    return events;
  }
}
