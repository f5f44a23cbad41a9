import type { SideResult } from './sla-run';

/** The SLA clock goals of the issue. */
export const TARGET_SPREAD_P99_MS = 50;
export const TARGET_BURST_MAX_MS = 1000;
export const TARGET_BYTES_PER_CLOCK = 1024;
export const TARGET_PLAIN_RATIO = 1.5;

export interface TargetCheck {
  readonly name: string;
  readonly measured: string;
  /** null: the run did not measure what the target needs (a side not run, a set without timers). */
  readonly held: boolean | null;
}

export interface SlaSummary {
  /** ours / plain p99 lateness, to two decimals; null when a side or a set is missing. */
  readonly ratios: { readonly spreadP99: number | null; readonly burstP99: number | null };
  readonly targets: readonly TargetCheck[];
  /** Every planned timer fired exactly once, per side that ran. */
  readonly complete: Readonly<Partial<Record<SideResult['side'], boolean>>>;
  readonly verdict: 'HELD' | 'MISSED' | 'INCOMPLETE';
}

const exactRatio = (ours: number | undefined, plain: number | undefined): number | null =>
  ours === undefined || plain === undefined ? null : ours / Math.max(plain, Number.EPSILON);
const rounded = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 100) / 100;
const ms = (value: number | undefined): string => (value === undefined ? 'not measured' : `${value} ms`);

export function summariseSla(results: readonly SideResult[]): SlaSummary {
  const ours = results.find((result) => result.side === 'ours');
  const plain = results.find((result) => result.side === 'plain');
  const spreadP99 = ours?.spread.latenessMs?.p99;
  const burstMax = ours?.burst.latenessMs?.max;
  // Judged unrounded, like the intake benchmark's ratio.
  const spreadRatio = exactRatio(spreadP99, plain?.spread.latenessMs?.p99);
  const burstRatio = exactRatio(ours?.burst.latenessMs?.p99, plain?.burst.latenessMs?.p99);
  const ratios = [spreadRatio, burstRatio].filter((ratio): ratio is number => ratio !== null);
  const targets: TargetCheck[] = [
    {
      name: `ours: spread deadlines p99 lateness <= ${TARGET_SPREAD_P99_MS} ms`,
      measured: ms(spreadP99),
      held: spreadP99 === undefined ? null : spreadP99 <= TARGET_SPREAD_P99_MS,
    },
    {
      name: `ours: burst max lateness <= ${TARGET_BURST_MAX_MS} ms`,
      measured: ms(burstMax),
      held: burstMax === undefined ? null : burstMax <= TARGET_BURST_MAX_MS,
    },
    {
      name: `ours: Redis memory <= ${TARGET_BYTES_PER_CLOCK} bytes per pending clock`,
      measured: ours === undefined ? 'not measured' : `${ours.memory.bytesPerClock} bytes`,
      held: ours === undefined ? null : ours.memory.bytesPerClock <= TARGET_BYTES_PER_CLOCK,
    },
    {
      name: `ours: p99 lateness within ${TARGET_PLAIN_RATIO}x of plain BullMQ (spread and burst)`,
      measured:
        ratios.length === 0
          ? 'not measured'
          : `spread ${rounded(spreadRatio) ?? '-'}x, burst ${rounded(burstRatio) ?? '-'}x`,
      held: ratios.length === 0 ? null : ratios.every((ratio) => ratio <= TARGET_PLAIN_RATIO),
    },
  ];
  const complete: Partial<Record<SideResult['side'], boolean>> = {};
  for (const result of results) {
    complete[result.side] =
      result.spread.missed === 0 &&
      result.burst.missed === 0 &&
      result.duplicates === 0 &&
      result.unknown === 0;
  }
  const verdict = targets.some((target) => target.held === false)
    ? 'MISSED'
    : targets.some((target) => target.held === null)
      ? 'INCOMPLETE'
      : 'HELD';
  return {
    ratios: { spreadP99: rounded(spreadRatio), burstP99: rounded(burstRatio) },
    targets,
    complete,
    verdict,
  };
}
