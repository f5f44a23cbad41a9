import { type Job, Queue, type RedisOptions, Worker } from 'bullmq';
import type { CommandBus } from '@nestjs/cqrs';
import { SlaClockProcessor } from '../../libs/incidents/src/sla/sla-clock.processor';
import { SlaClockQueue } from '../../libs/incidents/src/sla/sla-clock.queue';
import {
  type SlaJobName,
  type SlaTimerJob,
  timerJobId,
  toJob,
} from '../../libs/incidents/src/sla/sla-timers';
import type { SlaSideName } from './sla-config';
import { type PlannedTimer, toSlaTimer } from './sla-plan';

/** Receives each fired timer: which clock (its escalation id) and how late, in ms. */
export type LatenessSink = (escalationId: string, lateMs: number) => void;

/** One way of keeping timers in Redis and firing them. */
export interface TimerSide {
  readonly name: SlaSideName;
  readonly description: string;
  /** Queue connected, before any timer is added: the moment Redis memory is first measured. */
  ready(): Promise<void>;
  schedule(timers: readonly PlannedTimer[], t0: number): Promise<void>;
  /**
   * For the timers at `indexes`: when BullMQ will run each job (its timestamp + delay) minus the fire
   * time in its payload. Positive: the job was scheduled later than the timer asked.
   */
  dueSkewMs(timers: readonly PlannedTimer[], t0: number, indexes: readonly number[]): Promise<number[]>;
  /** Creates and starts the worker: nothing fires before this. */
  start(sink: LatenessSink): void;
  close(): Promise<void>;
}

/** The production reconciler schedules pages of 5,000 timers (sla-reconciler.service.ts). */
const OURS_PAGE = 5000;
/** Plain `Queue.add` calls in flight at once over the queue's one connection. */
const PLAIN_IN_FLIGHT = 1000;

/**
 * The benchmark measures the timer layer: the command a fired timer dispatches is accepted at
 * once instead of going through the decider and the event store.
 */
const stubCommandBus = { execute: () => Promise.resolve(undefined) } as unknown as CommandBus;

class OursSide implements TimerSide {
  readonly name = 'ours';
  readonly description =
    'SlaClockQueue.schedule (addBulk, pages of 5,000, deterministic ids, short payload, attempts 5, removeOnComplete) + SlaClockProcessor (stub CommandBus)';
  private readonly queue: SlaClockQueue;
  private processor: SlaClockProcessor | undefined;

  constructor(
    private readonly connection: RedisOptions,
    private readonly concurrency: number,
  ) {
    this.queue = new SlaClockQueue(connection);
  }

  ready(): Promise<void> {
    return this.queue.queue.waitUntilReady().then(() => undefined);
  }

  async schedule(timers: readonly PlannedTimer[], t0: number): Promise<void> {
    for (let from = 0; from < timers.length; from += OURS_PAGE) {
      const page = timers.slice(from, from + OURS_PAGE).map((timer) => toSlaTimer(timer, t0));
      await this.queue.schedule(page, Date.now());
    }
  }

  async dueSkewMs(
    timers: readonly PlannedTimer[],
    t0: number,
    indexes: readonly number[],
  ): Promise<number[]> {
    const ids = indexes.flatMap((index) => {
      const timer = timers[index];
      return timer === undefined ? [] : [timerJobId(toSlaTimer(timer, t0))];
    });
    return skews(await Promise.all(ids.map((id) => this.queue.queue.getJob(id))));
  }

  start(sink: LatenessSink): void {
    this.processor = new SlaClockProcessor(this.connection, stubCommandBus, {
      concurrency: this.concurrency,
      onLateness: (lateMs, job) => {
        sink(job.e, lateMs);
      },
    });
    this.processor.start();
  }

  async close(): Promise<void> {
    await this.processor?.close();
    await this.queue.close();
  }
}

class PlainSide implements TimerSide {
  readonly name = 'plain';
  readonly description =
    'Queue.add(name, data, { delay }) with BullMQ defaults (generated ids, the same payload, 1,000 adds in flight) + a plain Worker';
  private readonly queue: Queue<SlaTimerJob, unknown, SlaJobName>;
  private worker: Worker<SlaTimerJob, unknown, SlaJobName> | undefined;

  constructor(
    private readonly connection: RedisOptions,
    private readonly concurrency: number,
  ) {
    this.queue = new Queue<SlaTimerJob, unknown, SlaJobName>('plain-timers', { connection });
  }

  ready(): Promise<void> {
    return this.queue.waitUntilReady().then(() => undefined);
  }

  async schedule(timers: readonly PlannedTimer[], t0: number): Promise<void> {
    for (let from = 0; from < timers.length; from += PLAIN_IN_FLIGHT) {
      await Promise.all(
        timers.slice(from, from + PLAIN_IN_FLIGHT).map((timer) => {
          const { name, data } = toJob(toSlaTimer(timer, t0));
          return this.queue.add(name, data, { delay: Math.max(0, data.t - Date.now()) });
        }),
      );
    }
  }

  async dueSkewMs(
    _timers: readonly PlannedTimer[],
    _t0: number,
    indexes: readonly number[],
  ): Promise<number[]> {
    // Generated ids count up from 1 in the order the adds reached Redis.
    return skews(await Promise.all(indexes.map((index) => this.queue.getJob(String(index + 1)))));
  }

  start(sink: LatenessSink): void {
    this.worker = new Worker<SlaTimerJob, unknown, SlaJobName>(
      'plain-timers',
      (job) => {
        // When BullMQ was asked to run the job: the time it was added plus its delay.
        sink(job.data.e, Date.now() - (job.timestamp + (job.opts.delay ?? 0)));
        return Promise.resolve();
      },
      { connection: this.connection, concurrency: this.concurrency, autorun: false },
    );
    void this.worker.run();
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}

function skews(jobs: readonly (Job<SlaTimerJob, unknown, SlaJobName> | undefined)[]): number[] {
  return jobs.flatMap((job) =>
    job === undefined ? [] : [job.timestamp + (job.opts.delay ?? 0) - job.data.t],
  );
}

export function createSide(name: SlaSideName, connection: RedisOptions, concurrency: number): TimerSide {
  return name === 'ours' ? new OursSide(connection, concurrency) : new PlainSide(connection, concurrency);
}
