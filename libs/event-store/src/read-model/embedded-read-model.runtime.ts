import { Logger } from '@nestjs/common';
import { LocalLeases } from '../leases/lease';
import type { Projection } from '../projections/projection';
import { SqliteReadModelAccess } from '../projections/read-model-access';
import { SqliteProjectionRunner } from '../projections/sqlite-projection-runner';
import type { SqliteEventStore } from '../sqlite/sqlite-event-store.adapter';
import type { ReadModelRuntime } from './read-model-runtime';

/** How often a process projecting from a shared file looks for events other processes appended. */
const CATCH_UP_INTERVAL_MS = 500;

/**
 * Embedded mode: events and read models in one SQLite file, projected inside each append's
 * transaction. A process that runs projections also catches up, on a timer, with events appended by
 * another process on the same file (ROLE=api beside ROLE=worker) or after a rebuild reset.
 */
export class EmbeddedReadModelRuntime implements ReadModelRuntime {
  readonly kind = 'inline' as const;
  readonly runner: SqliteProjectionRunner;
  readonly access: SqliteReadModelAccess;
  readonly leases = new LocalLeases();
  private readonly logger = new Logger(EmbeddedReadModelRuntime.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: SqliteEventStore,
    projections: readonly Projection[],
  ) {
    this.runner = new SqliteProjectionRunner(store.database, store, projections);
    this.access = new SqliteReadModelAccess(this.runner);
  }

  /** The runner created the tables when it was constructed. */
  prepare(): Promise<void> {
    return Promise.resolve();
  }

  start(runProjections: boolean): Promise<void> {
    this.runner.catchUp();
    this.store.addInlineHook((events) => {
      this.runner.applyInline(events);
    });
    this.store.onCommitted(() => {
      this.runner.notifyAdvanced();
    });
    // Not unref'd: in a worker-only process this timer is what keeps the process running.
    if (runProjections)
      this.timer = setInterval(() => {
        this.catchUpWithOthers();
      }, CATCH_UP_INTERVAL_MS);
    return Promise.resolve();
  }

  heldProjections(): string[] {
    return this.runner.projections.map((p) => p.name);
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    return Promise.resolve();
  }

  private catchUpWithOthers(): void {
    try {
      if (this.runner.lowestCheckpoint() >= this.store.headPositionSync()) return;
      this.runner.catchUp();
      this.runner.notifyAdvanced();
    } catch (error) {
      this.logger.error(error, 'Projection catch-up failed; retrying');
    }
  }
}
