import { Worker, type Job, type RedisOptions } from 'bullmq';
import type { CommandBus } from '@nestjs/cqrs';
import { systemActor } from '@app/core';
import { RecordSlaTimerCommand } from '../commands/record-sla-timer/record-sla-timer.command';
import type { SlaClock } from '../domain/sla/sla.vocabulary';
import { SLA_QUEUE, type SlaJobName, type SlaTimerJob } from './sla-timers';

/** Lateness of one fired timer: how long after its fire time the command was dispatched. */
const CLOCK_OF_CODE: Readonly<Record<SlaTimerJob['c'], SlaClock>> = { A: 'ACKNOWLEDGEMENT', X: 'ACTION' };

export type LatenessObserver = (lateMs: number, job: SlaTimerJob) => void;

/**
 * Turns fired timers into commands and does nothing else: whether a timer still matters is the
 * decider's call. Many workers may run; BullMQ hands each job to one of them, and the decider
 * makes a job handled twice (after a crash) append nothing the second time.
 */
export class SlaClockProcessor {
  private readonly worker: Worker<SlaTimerJob, unknown, SlaJobName>;

  constructor(
    connection: RedisOptions,
    private readonly commands: CommandBus,
    options: { concurrency: number; onLateness?: LatenessObserver },
  ) {
    this.worker = new Worker<SlaTimerJob, unknown, SlaJobName>(
      SLA_QUEUE,
      async (job: Job<SlaTimerJob, unknown, SlaJobName>) => {
        options.onLateness?.(Date.now() - job.data.t, job.data);
        const { i, e, c, f, d } = job.data;
        const context = { actor: systemActor, correlationId: `sla-${e}`, causationId: job.id ?? `sla-${e}` };
        await this.commands.execute(
          new RecordSlaTimerCommand(i, e, CLOCK_OF_CODE[c], f, new Date(d).toISOString(), context),
        );
      },
      { connection, concurrency: options.concurrency, autorun: false },
    );
  }

  start(): void {
    void this.worker.run();
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
