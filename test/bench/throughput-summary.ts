/** Percentiles of a set of throughput samples (events/s), by nearest rank; rounded to whole events. */
export interface ThroughputSummary {
  readonly samples: number;
  readonly min: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** One stretch of a rebuild: how many events of the log it covered and how long it took. */
export interface Interval {
  readonly events: number;
  readonly ms: number;
}

/** Events per second of each interval (a stalled one counts as 0), summarised; null without any interval. */
export function summariseThroughput(intervals: readonly Interval[]): ThroughputSummary | null {
  const rates = Float64Array.from(
    intervals.filter((i) => i.ms > 0).map((i) => (i.events * 1000) / i.ms),
  ).sort();
  if (rates.length === 0) return null;
  const at = (fraction: number): number =>
    Math.round(rates[Math.min(rates.length - 1, Math.max(0, Math.ceil(fraction * rates.length) - 1))] ?? NaN);
  return {
    samples: rates.length,
    min: Math.round(rates[0] ?? NaN),
    p5: at(0.05),
    p50: at(0.5),
    p95: at(0.95),
    max: Math.round(rates[rates.length - 1] ?? NaN),
  };
}

/** Durations of the intervals in ms: p50, p95 and max, to a tenth of a ms. */
export function durationPercentiles(
  intervals: readonly Interval[],
): { p50: number; p95: number; max: number } | null {
  const sorted = Float64Array.from(intervals.map((i) => i.ms)).sort();
  if (sorted.length === 0) return null;
  const at = (fraction: number): number =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN) * 10) /
    10;
  return { p50: at(0.5), p95: at(0.95), max: Math.round((sorted[sorted.length - 1] ?? NaN) * 10) / 10 };
}
