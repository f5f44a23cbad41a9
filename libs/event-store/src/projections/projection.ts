import type { RecordedEvent } from '../event-store.port';
import type { ReadModelSchema } from '../read-model/read-model-sql';
import type { SqlProgram } from '../read-model/sql-program';

/**
 * A read model fed from the global log. The runner hands `apply` a batch of events of its types, in
 * log order, inside the transaction that also moves the projection's checkpoint, so every event is
 * applied exactly once. Implementations keep the domain logic in a pure `evolve(row, event)` and
 * only load and save rows in `apply`, as a program of SQL steps that runs on SQLite and PostgreSQL.
 */
export interface Projection {
  readonly name: string;
  readonly eventTypes: ReadonlySet<string>;
  /** Idempotent DDL per engine, and the tables a rebuild empties. */
  readonly schema: ReadModelSchema;
  apply(events: readonly RecordedEvent[]): SqlProgram<void>;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly checkpoint: bigint;
}
