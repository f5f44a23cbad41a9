import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, SqliteEventStore, SqliteProjectionRunner } from '@app/event-store';

const POLL_INTERVAL_MS = 500;

/**
 * Keeps projections at the head of the log when events arrive from elsewhere than this process's
 * inline hook: another process on the same file, or a projection reset by a rebuild.
 */
@Injectable()
export class ProjectionCatchUpService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ProjectionCatchUpService.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: SqliteEventStore,
    private readonly runner: SqliteProjectionRunner,
  ) {}

  onModuleInit(): void {
    // Not unref'd: in a worker-only process this timer is what keeps the process running.
    this.timer = setInterval(() => {
      this.tick();
    }, POLL_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    try {
      if (this.runner.lowestCheckpoint() >= this.store.headPositionSync()) return;
      this.runner.catchUp();
      this.runner.notifyAdvanced();
    } catch (error) {
      this.logger.error(error, 'Projection catch-up failed; retrying');
    }
  }
}
