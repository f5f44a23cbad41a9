import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';
import type { Projection, ProjectionStatus } from './projection';
import {
  applyBatch,
  ensureCheckpoint,
  migrationOf,
  readCheckpoint,
  readCheckpoints,
  resetProjection,
} from './projection-checkpoints';
import { SqlExecutor } from './sql-executor';

/** Synchronous access to the log, for use inside a transaction on the same connection. */
export interface SyncEventSource {
  readAfterSync(position: bigint, maxCount: number): readonly RecordedEvent[];
  headPositionSync(): bigint;
}

/**
 * Applies projections to read-model tables in the same SQLite file as the events, storing each
 * projection's checkpoint in the same transaction as its rows: exactly once, and rebuildable from
 * position 0. Used inline (inside the append transaction, see `applyInline`), by catch-up at start,
 * and by `npm run projections:rebuild`.
 */
export class SqliteProjectionRunner {
  readonly sql: SqlExecutor;
  private readonly listeners = new Set<(position: bigint) => void>();

  constructor(
    database: Database,
    private readonly source: SyncEventSource,
    readonly projections: readonly Projection[],
  ) {
    this.sql = new SqlExecutor(database);
    for (const projection of projections) {
      database.exec(migrationOf(projection, 'sqlite'));
      this.sql.runProgram(ensureCheckpoint(projection.name));
    }
  }

  /**
   * Projects freshly appended events. Runs inside the append's transaction; if a projection is
   * behind (a rebuild reset it, or it is new), it first catches up from the log, so checkpoints
   * never skip a position.
   */
  applyInline(events: readonly RecordedEvent[]): void {
    const first = events[0];
    if (!first) return;
    for (const projection of this.projections) {
      let checkpoint = this.checkpoint(projection.name);
      while (checkpoint < first.position - 1n) {
        const gap = this.source.readAfterSync(checkpoint, 1000).filter((e) => e.position < first.position);
        if (gap.length === 0) break;
        checkpoint = this.applyAll(projection, gap, checkpoint);
      }
      this.applyAll(projection, events, checkpoint);
    }
  }

  /**
   * Applies the next `batchSize` events after the lowest checkpoint to every projection, in one
   * transaction; returns how many were read. The log is read (and decoded) once for all of them.
   */
  catchUpBatch(batchSize: number): number {
    let read = 0;
    this.sql.database
      .transaction(() => {
        const checkpoints = this.sql.runProgram(readCheckpoints());
        const from = this.projections.reduce<bigint | null>((low, p) => {
          const checkpoint = checkpoints.get(p.name) ?? 0n;
          return low === null || checkpoint < low ? checkpoint : low;
        }, null);
        if (from === null) return;
        const events = this.source.readAfterSync(from, batchSize);
        read = events.length;
        for (const projection of this.projections) {
          this.applyAll(projection, events, checkpoints.get(projection.name) ?? 0n);
        }
      })
      .immediate();
    return read;
  }

  /** Brings every projection to the head of the log, reporting progress after each batch. */
  catchUp(onProgress?: (position: bigint, head: bigint) => void, batchSize = 2000): void {
    const head = this.source.headPositionSync();
    while (this.catchUpBatch(batchSize) > 0) onProgress?.(this.lowestCheckpoint(), head);
  }

  /** Empties the given projections' tables and rewinds their checkpoints to 0. */
  reset(names: readonly string[] = this.projections.map((p) => p.name)): void {
    this.sql.database
      .transaction(() => {
        for (const projection of this.projections.filter((p) => names.includes(p.name))) {
          this.sql.runProgram(resetProjection(projection));
        }
      })
      .immediate();
  }

  status(): ProjectionStatus[] {
    const checkpoints = this.sql.runProgram(readCheckpoints());
    return this.projections.map((p) => ({ name: p.name, checkpoint: checkpoints.get(p.name) ?? 0n }));
  }

  lowestCheckpoint(): bigint {
    return this.status().reduce(
      (low, { checkpoint }) => (checkpoint < low ? checkpoint : low),
      this.source.headPositionSync(),
    );
  }

  /** Notified with the lowest checkpoint after a transaction that advanced projections commits. */
  onAdvance(listener: (position: bigint) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notifyAdvanced(): void {
    if (this.listeners.size === 0) return;
    const position = this.lowestCheckpoint();
    for (const listener of this.listeners) listener(position);
  }

  private applyAll(projection: Projection, events: readonly RecordedEvent[], from: bigint): bigint {
    return this.sql.runProgram(applyBatch(projection, events, from));
  }

  private checkpoint(name: string): bigint {
    return this.sql.runProgram(readCheckpoint(name));
  }
}
