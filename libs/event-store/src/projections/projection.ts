import type { RecordedEvent } from '../event-store.port';
import type { SqlExecutor } from './sql-executor';

/**
 * A read model fed from the global log. The runner calls `project` for each event whose type is
 * in `eventTypes`, inside the transaction that also stores the projection's checkpoint, so every
 * event is applied exactly once. Implementations keep the domain logic in a pure
 * `evolve(row, event)` and only load and save rows here.
 */
export interface Projection {
  readonly name: string;
  readonly eventTypes: ReadonlySet<string>;
  /** Creates or migrates the projection's tables; must be idempotent. */
  migrate(sql: SqlExecutor): void;
  project(event: RecordedEvent, sql: SqlExecutor): void;
  /** Empties the projection's tables before a rebuild from position 0. */
  reset(sql: SqlExecutor): void;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly checkpoint: bigint;
}
