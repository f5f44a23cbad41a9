import type { ReadModelSql } from '../read-model/read-model-sql';
import { SqliteReadModelSql } from '../read-model/sqlite-read-model-sql';
import type { ProjectionStatus } from './projection';
import type { SqliteProjectionRunner } from './sqlite-projection-runner';

/** How queries reach the read model, and wait for it to include their own writes. */
export interface ReadModelAccess {
  readonly sql: ReadModelSql;
  /** Resolves once every projection has applied `position`, or after `timeoutMs` regardless. */
  waitFor(position: bigint, timeoutMs?: number): Promise<void>;
  /** Each projection's checkpoint, for health and lag. */
  status(): Promise<ProjectionStatus[]>;
}

export const READ_MODEL = Symbol('ReadModel');

/** Read-your-writes over the runner's checkpoints; inline projection makes the wait usually zero. */
export class SqliteReadModelAccess implements ReadModelAccess {
  readonly sql: ReadModelSql;

  constructor(private readonly runner: SqliteProjectionRunner) {
    this.sql = new SqliteReadModelSql(runner.sql);
  }

  status(): Promise<ProjectionStatus[]> {
    return Promise.resolve(this.runner.status());
  }

  waitFor(position: bigint, timeoutMs = 5000): Promise<void> {
    if (position === 0n || this.runner.lowestCheckpoint() >= position) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(finish, timeoutMs);
      const unsubscribe = this.runner.onAdvance((reached) => {
        if (reached >= position) finish();
      });
      function finish(): void {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  }
}
