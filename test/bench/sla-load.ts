import { monitorEventLoopDelay } from 'node:perf_hooks';
import { machineBusyCpuMs, processCpuMs } from './cpu-time';

/** What the machine did while timers fired; CPU in % of one core. */
export interface FiringLoad {
  readonly cpuPct: {
    /** The benchmark process: worker, recorder and, for the stub, the "command". */
    readonly bench: number;
    readonly redis: number | null;
    /** Everything else on the machine. */
    readonly other: number | null;
  };
  /**
   * The benchmark process' event-loop delay beyond the sampling interval: how long a callback (a
   * reply from Redis, a job) could wait for the thread.
   */
  readonly eventLoopDelayMs: { readonly p50: number; readonly p99: number; readonly max: number };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
/** Node records the whole interval between its sampling timer's runs: this much of it is the interval itself. */
const RESOLUTION_MS = 10;
const delayMs = (ns: number): number => round2(Math.max(0, ns / 1e6 - RESOLUTION_MS));

/** Starts measuring now; `stop()` returns the load since then. */
export function measureLoad(redisPid: number): { stop: () => FiringLoad } {
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  const startedAt = Date.now();
  const bench = process.cpuUsage();
  const redis = processCpuMs(redisPid);
  const all = machineBusyCpuMs();
  loop.enable();
  return {
    stop: (): FiringLoad => {
      loop.disable();
      const wallMs = Math.max(1, Date.now() - startedAt);
      const benchUsage = process.cpuUsage(bench);
      const benchMs = (benchUsage.user + benchUsage.system) / 1000;
      const redisNow = processCpuMs(redisPid);
      const allNow = machineBusyCpuMs();
      const redisMs = redisNow === null || redis === null ? null : redisNow - redis;
      const allMs = allNow === null || all === null ? null : allNow - all;
      const pct = (ms: number): number => Math.round((ms / wallMs) * 100);
      return {
        cpuPct: {
          bench: pct(benchMs),
          redis: redisMs === null ? null : pct(redisMs),
          other: allMs === null ? null : Math.max(0, pct(allMs - benchMs - (redisMs ?? 0))),
        },
        eventLoopDelayMs: {
          p50: delayMs(loop.percentile(50)),
          p99: delayMs(loop.percentile(99)),
          max: delayMs(loop.max),
        },
      };
    },
  };
}
