import { type LatencySummary, summariseLatencies } from './latency-summary';
import type { PlannedTimer, TimerSet } from './sla-plan';

/** One point of a lateness CDF: `fraction` of the set fired at most `ms` late. */
export interface CdfPoint {
  readonly fraction: number;
  readonly ms: number;
}

export interface SetLateness {
  readonly planned: number;
  readonly fired: number;
  /** Never fired before the run gave up (last deadline + grace). */
  readonly missed: number;
  readonly latenessMs: LatencySummary | null;
  readonly cdf: readonly CdfPoint[];
}

/** Fractions the CDF is sampled at: every 1%, then the tail in finer steps. */
const CDF_FRACTIONS = [
  ...Array.from({ length: 99 }, (_, i) => i / 100),
  0.99,
  0.992,
  0.994,
  0.996,
  0.998,
  0.999,
  0.9995,
  1,
];

/** Progress lines read p99 from whole-millisecond buckets up to this, so they never sort while timers fire. */
const HISTOGRAM_MS = 60_000;

/**
 * Lateness of every planned timer, by escalation id: the first firing counts, a second one is a
 * duplicate, an id that was never planned is unknown. NaN marks a timer that has not fired.
 */
export class LatenessRecorder {
  private readonly lateness: Float64Array;
  private readonly indexOf = new Map<string, number>();
  private readonly firedPerSet: Record<TimerSet, number> = { spread: 0, burst: 0 };
  private readonly histogram: Record<TimerSet, Uint32Array> = {
    spread: new Uint32Array(HISTOGRAM_MS + 1),
    burst: new Uint32Array(HISTOGRAM_MS + 1),
  };
  duplicates = 0;
  unknown = 0;

  constructor(private readonly timers: readonly PlannedTimer[]) {
    this.lateness = new Float64Array(timers.length).fill(Number.NaN);
    timers.forEach((timer, index) => this.indexOf.set(timer.escalationId, index));
  }

  readonly record = (escalationId: string, lateMs: number): void => {
    const index = this.indexOf.get(escalationId);
    const timer = index === undefined ? undefined : this.timers[index];
    if (index === undefined || timer === undefined) {
      this.unknown += 1;
    } else if (!Number.isNaN(this.lateness[index] ?? Number.NaN)) {
      this.duplicates += 1;
    } else {
      this.lateness[index] = lateMs;
      this.firedPerSet[timer.set] += 1;
      const bucket = Math.min(HISTOGRAM_MS, Math.max(0, Math.ceil(lateMs)));
      this.histogram[timer.set][bucket] = (this.histogram[timer.set][bucket] ?? 0) + 1;
    }
  };

  get fired(): number {
    return this.firedPerSet.spread + this.firedPerSet.burst;
  }

  firedIn(set: TimerSet): number {
    return this.firedPerSet[set];
  }

  /** Exact: every fired timer's lateness of the set, sorted. */
  samples(set: TimerSet): Float64Array {
    const values: number[] = [];
    this.timers.forEach((timer, index) => {
      const value = this.lateness[index] ?? Number.NaN;
      if (timer.set === set && !Number.isNaN(value)) values.push(value);
    });
    return Float64Array.from(values).sort();
  }

  /** The p99 of the set so far, in whole ms (rounded up), for progress lines; null before anything fired. */
  p99(set: TimerSet): number | null {
    const fired = this.firedPerSet[set];
    if (fired === 0) return null;
    const rank = Math.ceil(0.99 * fired);
    let seen = 0;
    for (const [ms, count] of this.histogram[set].entries()) {
      seen += count;
      if (seen >= rank) return ms;
    }
    return HISTOGRAM_MS;
  }

  summary(set: TimerSet): SetLateness {
    const sorted = this.samples(set);
    const planned = this.timers.filter((timer) => timer.set === set).length;
    return {
      planned,
      fired: sorted.length,
      missed: planned - sorted.length,
      latenessMs: summariseLatencies(Array.from(sorted)),
      cdf: cdfOf(sorted),
    };
  }
}

/** Nearest-rank values at CDF_FRACTIONS (0 is the minimum, 1 the maximum). */
function cdfOf(sorted: Float64Array): CdfPoint[] {
  if (sorted.length === 0) return [];
  return CDF_FRACTIONS.map((fraction) => {
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
    return { fraction, ms: Math.round((sorted[rank] ?? Number.NaN) * 100) / 100 };
  });
}
