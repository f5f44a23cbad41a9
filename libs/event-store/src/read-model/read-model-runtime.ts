import type { ReadModelAccess } from '../projections/read-model-access';
import type { LeaseProvider } from '../leases/lease';

/**
 * The read models of one process and how they are kept: projected inline with each append (embedded
 * SQLite), or by leased runners following the log (PostgreSQL, or beside EventStoreDB).
 */
export interface ReadModelRuntime {
  readonly kind: 'inline' | 'leased';
  readonly access: ReadModelAccess;
  /** Who may run singleton background work (projections, process managers) in this deployment. */
  readonly leases: LeaseProvider;
  /** Creates the tables and checkpoints (migrations run at start, by every process). */
  prepare(): Promise<void>;
  /** With `runProjections`, this process also takes part in projecting. */
  start(runProjections: boolean): Promise<void>;
  /** The projections this process applies right now. */
  heldProjections(): string[];
  stop(): Promise<void>;
}
