/** Latency percentiles of one phase, in milliseconds; null when there was no response at all. */
export interface LatencySummary {
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p99_9: number;
  readonly max: number;
}

/**
 * Exact percentiles by nearest rank over every recorded response time: a phase holds tens of
 * thousands of values, so no histogram is needed and nothing is rounded to whole milliseconds.
 */
export function summariseLatencies(samples: readonly number[]): LatencySummary | null {
  if (samples.length === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  const at = (fraction: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    mean: round(total / sorted.length),
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    p99_9: round(at(0.999)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
