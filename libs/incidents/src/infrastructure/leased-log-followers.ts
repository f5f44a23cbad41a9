import { Inject, Injectable, type Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/core';
import {
  EVENT_STORE,
  type EventStore,
  LEASES,
  type LeaseProvider,
  READ_MODEL,
  type ReadModelAccess,
  type RecordedEvent,
} from '@app/event-store';
import { followLogUnderLease, type LogFollower } from './process-checkpoint';

/** Starts process managers: each follows the log under its own lease, from its own checkpoint. */
@Injectable()
export class LeasedLogFollowers {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
    @Inject(LEASES) private readonly leases: LeaseProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Resolves once this process follows the log, or found the lease held by another process. */
  async follow(
    name: string,
    eventTypes: readonly string[],
    handle: (event: RecordedEvent) => Promise<void>,
    logger: Logger,
  ): Promise<LogFollower> {
    const follower = followLogUnderLease(
      {
        store: this.store,
        sql: this.readModel.sql,
        leases: this.leases,
        retryMs: this.config.PROJECTION_LEASE_RETRY_MS,
        onError: (error) => {
          logger.error(error, 'Stopped on an error; resumes from its checkpoint');
        },
      },
      name,
      eventTypes,
      handle,
    );
    await follower.started;
    return follower;
  }
}
