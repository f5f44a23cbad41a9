import { Logger } from '@nestjs/common';
import type { EventStore } from '../event-store.port';
import type { LeaseProvider } from '../leases/lease';
import { AsyncProjectionRunner } from '../projections/async-projection-runner';
import { AsyncReadModelAccess } from '../projections/async-read-model-access';
import type { Projection } from '../projections/projection';
import type { ReadModelSql } from './read-model-sql';
import type { ReadModelRuntime } from './read-model-runtime';

export interface LeasedReadModelOptions {
  readonly leaseRetryMs: number;
  /** Where runners announce commits (PostgreSQL LISTEN); null: waiters poll. */
  readonly listenConnectionString: string | null;
  readonly close: () => Promise<void>;
}

/**
 * Read models apart from the log: each projection runs in whichever process holds its lease, and
 * the others wait for its checkpoints to reach their writes.
 */
export class LeasedReadModelRuntime implements ReadModelRuntime {
  readonly kind = 'leased' as const;
  readonly runner: AsyncProjectionRunner;
  readonly access: AsyncReadModelAccess;
  private readonly logger = new Logger(LeasedReadModelRuntime.name);
  private running = false;

  constructor(
    store: EventStore,
    sql: ReadModelSql,
    projections: readonly Projection[],
    readonly leases: LeaseProvider,
    private readonly options: LeasedReadModelOptions,
  ) {
    this.runner = new AsyncProjectionRunner(store, sql, projections, leases, {
      leaseRetryMs: options.leaseRetryMs,
      onError: (error) => {
        this.logger.error(error, 'Projection runner failed; it retries under its lease');
      },
      onLeaseTaken: (name) => {
        this.logger.log(`Applying projection ${name} in this process (lease taken)`);
      },
    });
    this.access = new AsyncReadModelAccess(
      this.runner,
      options.listenConnectionString === null ? null : { connectionString: options.listenConnectionString },
    );
  }

  async prepare(): Promise<void> {
    await this.runner.migrate();
  }

  async start(runProjections: boolean): Promise<void> {
    await this.access.start();
    if (runProjections) {
      await this.runner.start();
      this.running = true;
    }
  }

  heldProjections(): string[] {
    return this.runner.held();
  }

  async stop(): Promise<void> {
    if (this.running) await this.runner.stop();
    await this.access.stop();
    await this.options.close();
  }
}
