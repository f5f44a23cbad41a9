import { redisConnectionOptions } from '../../apps/worker/src/redis/redis-connection';
import { type LatencySummary, summariseLatencies } from './latency-summary';
import type { SlaBenchConfig, SlaSideName } from './sla-config';
import { LatenessRecorder, type SetLateness } from './sla-lateness';
import { type FiringLoad, measureLoad } from './sla-load';
import type { PlannedTimer } from './sla-plan';
import { type SlaRedisInfo, startSlaRedis, stopSlaRedis } from './sla-redis';
import { createSide } from './sla-sides';

export interface SideResult {
  readonly side: SlaSideName;
  readonly description: string;
  readonly redis: SlaRedisInfo;
  readonly scheduling: {
    readonly durationMs: number;
    readonly timersPerS: number;
    /** ms between the end of scheduling and the first deadline; negative: timers were due before the worker ran. */
    readonly slackMs: number;
    /** For a sample of jobs: BullMQ's run time (timestamp + delay) minus the timer's fire time. */
    readonly dueSkewMs: LatencySummary | null;
  };
  readonly memory: {
    readonly beforeBytes: number;
    readonly afterScheduleBytes: number;
    readonly bytesPerClock: number;
    /** After every timer fired and the worker closed: what finished jobs leave behind. */
    readonly afterRunBytes: number;
  };
  readonly spread: SetLateness;
  readonly burst: SetLateness;
  readonly duplicates: number;
  readonly unknown: number;
  /** From starting the worker to the last timer (or giving up), plus what the machine did meanwhile. */
  readonly firing: FiringLoad & { readonly durationS: number };
  /** From a second before the burst falls due until its last timer fired; null without a burst. */
  readonly burstWindow: (FiringLoad & { readonly durationS: number }) | null;
}

const PROGRESS_EVERY_MS = 5000;
const POLL_MS = 250;
/** After the last timer fired, wait this long for any second delivery of a timer. */
const SETTLE_MS = 2000;
/** Jobs read back after scheduling to see when BullMQ will run them. */
const SKEW_SAMPLE = 500;
const out = process.stdout;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** Schedules every planned timer on one side against a fresh redis-server, then waits for them all to fire. */
export async function runSide(
  name: SlaSideName,
  timers: readonly PlannedTimer[],
  config: SlaBenchConfig,
): Promise<SideResult> {
  const { server: redis, info } = await startSlaRedis(config.hz);
  const side = createSide(name, redisConnectionOptions(redis.url), config.concurrency);
  const label = `[${name.padEnd(5)}]`;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await side.close();
  };
  try {
    await side.ready();
    const beforeBytes = await redis.usedMemoryBytes();
    const t0 = Date.now();
    out.write(`${label} redis-server ${info.version} (hz ${info.hz}) on port ${redis.port}: scheduling ... `);
    await side.schedule(timers, t0);
    const scheduledAt = Date.now();
    const afterScheduleBytes = await redis.usedMemoryBytes();
    const offsets = timers.map((timer) => timer.fireOffsetMs);
    const firstDue = t0 + offsets.reduce((min, offset) => Math.min(min, offset), Infinity);
    const lastDue = t0 + offsets.reduce((max, offset) => Math.max(max, offset), -Infinity);
    const bytesPerClock = Math.round((afterScheduleBytes - beforeBytes) / timers.length);
    const step = Math.max(1, Math.floor(timers.length / SKEW_SAMPLE));
    const sample = Array.from({ length: Math.ceil(timers.length / step) }, (_, i) => i * step);
    const dueSkewMs = summariseLatencies(await side.dueSkewMs(timers, t0, sample));
    out.write(
      `${timers.length} timers in ${seconds(scheduledAt - t0)} s, ${bytesPerClock} bytes per clock; first due in ${seconds(firstDue - Date.now())} s\n`,
    );
    if (Date.now() > firstDue) {
      out.write(`${label} WARNING: scheduling outlasted --lead; early timers' lateness includes it\n`);
    }

    const recorder = new LatenessRecorder(timers);
    const load = measureLoad(redis.processId);
    const startedAt = Date.now();
    side.start(recorder.record);
    let nextProgress = startedAt + PROGRESS_EVERY_MS;
    const burstPlanned = timers.filter((timer) => timer.set === 'burst').length;
    const burstFrom = t0 + config.burstAtS * 1000 - 1000;
    let burstLoad: { stop: () => FiringLoad; at: number } | undefined;
    let burstWindow: SideResult['burstWindow'] = null;
    while (recorder.fired < timers.length && Date.now() < lastDue + config.graceS * 1000) {
      await sleep(POLL_MS);
      if (burstPlanned > 0 && burstLoad === undefined && Date.now() >= burstFrom) {
        burstLoad = { ...measureLoad(redis.processId), at: Date.now() };
      }
      if (burstLoad !== undefined && burstWindow === null && recorder.firedIn('burst') === burstPlanned) {
        burstWindow = { ...burstLoad.stop(), durationS: seconds(Date.now() - burstLoad.at) };
      }
      if (Date.now() >= nextProgress) {
        nextProgress += PROGRESS_EVERY_MS;
        out.write(`${label} ${progressLine(recorder, timers.length, Date.now() - t0, lastDue - t0)}\n`);
      }
    }
    const firingMs = Date.now() - startedAt;
    if (burstLoad !== undefined && burstWindow === null) {
      burstWindow = { ...burstLoad.stop(), durationS: seconds(Date.now() - burstLoad.at) };
    }
    if (recorder.fired === timers.length) await sleep(SETTLE_MS);
    const firing = { ...load.stop(), durationS: seconds(firingMs) };
    await close();
    out.write(
      `${label} done: ${recorder.fired}/${timers.length} fired, ${recorder.duplicates} duplicates\n\n`,
    );
    return {
      side: name,
      description: side.description,
      redis: info,
      scheduling: {
        durationMs: scheduledAt - t0,
        timersPerS: Math.round(timers.length / Math.max(0.001, (scheduledAt - t0) / 1000)),
        slackMs: firstDue - scheduledAt,
        dueSkewMs,
      },
      memory: {
        beforeBytes,
        afterScheduleBytes,
        bytesPerClock,
        afterRunBytes: await redis.usedMemoryBytes(),
      },
      spread: recorder.summary('spread'),
      burst: recorder.summary('burst'),
      duplicates: recorder.duplicates,
      unknown: recorder.unknown,
      firing,
      burstWindow,
    };
  } finally {
    await close().catch(() => undefined);
    await stopSlaRedis(redis);
  }
}

function progressLine(
  recorder: LatenessRecorder,
  total: number,
  elapsedMs: number,
  lastDueMs: number,
): string {
  const p99 = (value: number | null): string => (value === null ? '-' : `${value.toFixed(1)} ms`);
  return (
    `+${Math.round(elapsedMs / 1000)}/${Math.round(lastDueMs / 1000)} s: ${recorder.fired}/${total} fired ` +
    `(spread ${recorder.firedIn('spread')}, burst ${recorder.firedIn('burst')}), ` +
    `p99 so far: spread ${p99(recorder.p99('spread'))}, burst ${p99(recorder.p99('burst'))}`
  );
}
