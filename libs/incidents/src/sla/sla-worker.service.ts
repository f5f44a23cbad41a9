import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { RedisOptions } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@app/core';
import { SlaClockProcessor } from './sla-clock.processor';
import { SlaClockQueue } from './sla-clock.queue';
import { SlaReconciler } from './sla-reconciler.service';
import { SlaSchedulerProcess } from './sla-scheduler.process';

export const SLA_REDIS_CONNECTION = Symbol('SlaRedisConnection');

/** Timers fired at once; a burst of due deadlines is mostly waiting on the event store's group commit. */
const CONCURRENCY = 50;

/**
 * The worker's SLA duties: rebuild missing timers, keep timers in step with the streams, and turn
 * fired timers into commands. The reconciler runs at start and then periodically.
 */
@Injectable()
export class SlaWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaWorkerService.name);
  private readonly processor: SlaClockProcessor;
  private timer: NodeJS.Timeout | undefined;
  private reconciling: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(SLA_REDIS_CONNECTION) connection: RedisOptions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    commands: CommandBus,
    private readonly scheduler: SlaSchedulerProcess,
    private readonly reconciler: SlaReconciler,
    private readonly clocks: SlaClockQueue,
  ) {
    this.processor = new SlaClockProcessor(connection, commands, { concurrency: CONCURRENCY });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile();
    await this.scheduler.start();
    this.processor.start();
    this.timer = setInterval(() => {
      this.reconciling = this.reconcile();
    }, this.config.SLA_RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  /** Before the application's shutdown hooks, so an embedded Redis is still there while BullMQ closes. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.reconciling;
    await this.scheduler.stop();
    await this.processor.close();
    await this.clocks.close();
  }

  private async reconcile(): Promise<void> {
    try {
      await this.reconciler.reconcile();
    } catch (error) {
      this.logger.warn(`SLA reconciliation failed, retrying later: ${String(error)}`);
    }
  }
}
