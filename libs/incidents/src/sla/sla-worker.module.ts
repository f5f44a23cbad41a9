import { Module } from '@nestjs/common';
import type { RedisOptions } from 'bullmq';
import { IncidentsModule } from '../incidents.module';
import { SlaClockQueue } from './sla-clock.queue';
import { SlaReconciler } from './sla-reconciler.service';
import { SlaSchedulerProcess } from './sla-scheduler.process';
import { SLA_REDIS_CONNECTION, SlaWorkerService } from './sla-worker.service';

/**
 * SLA clocks on BullMQ, for the worker role. The application provides SLA_REDIS_CONNECTION (the
 * configured or embedded Redis); the incident commands come from IncidentsModule.
 */
@Module({
  imports: [IncidentsModule],
  providers: [
    {
      provide: SlaClockQueue,
      inject: [SLA_REDIS_CONNECTION],
      useFactory: (connection: RedisOptions) => new SlaClockQueue(connection),
    },
    SlaSchedulerProcess,
    SlaReconciler,
    SlaWorkerService,
  ],
  exports: [SlaClockQueue, SlaReconciler],
})
export class SlaWorkerModule {}
