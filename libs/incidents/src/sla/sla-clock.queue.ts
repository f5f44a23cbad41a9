import { Queue, type RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { SLA_QUEUE, type SlaJobName, type SlaTimer, type SlaTimerJob, toJob } from './sla-timers';

/** Set when timers are loaded into Redis; its absence means Redis lost them (flush, restart without AOF). */
const EPOCH_KEY = 'dnscc:sla:epoch';

const createQueue = (connection: RedisOptions) =>
  new Queue<SlaTimerJob, unknown, SlaJobName>(SLA_QUEUE, {
    connection,
    // One attempt, and a failed job is removed: its clock's row is still RUNNING, so the reconciler
    // schedules it again within SLA_RECONCILE_INTERVAL_MS. Fewer options also mean fewer bytes per clock.
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
  });

/** The BullMQ queue holding one delayed job per running clock. */
export class SlaClockQueue {
  readonly queue: ReturnType<typeof createQueue>;
  private readonly redis: Redis;

  constructor(connection: RedisOptions) {
    this.queue = createQueue(connection);
    this.redis = new Redis({ ...connection, lazyConnect: true });
  }

  /** Adds each timer's job unless a job with its id exists; overdue timers fire at once. */
  async schedule(timers: readonly SlaTimer[], now: number = Date.now()): Promise<void> {
    if (timers.length === 0) return;
    await this.queue.addBulk(
      timers.map((timer) => {
        const { name, data, jobId } = toJob(timer);
        // `timestamp` with `delay`: BullMQ otherwise stamps the job when it builds it, later than `now`.
        return { name, data, opts: { jobId, delay: Math.max(0, data.t - now), timestamp: now } };
      }),
    );
  }

  /** Removes pending timers of clocks that stopped; a job already running is left to the decider. */
  async unschedule(jobIds: readonly string[]): Promise<void> {
    await Promise.all(jobIds.map((id) => this.queue.remove(id).catch(() => 0)));
  }

  async hasEpoch(): Promise<boolean> {
    return (await this.redis.exists(EPOCH_KEY)) === 1;
  }

  async markEpoch(): Promise<void> {
    await this.redis.set(EPOCH_KEY, new Date().toISOString());
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }
}
