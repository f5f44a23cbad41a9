import type { IntakeOperation } from './intake-requests';
import type { PhaseResult } from './load-phase';

/** The intake goals this benchmark checks. */
export const TARGET_RATE = 2000;
export const TARGET_P99_MS = 25;
export const TARGET_BASELINE_RATIO = 0.5;
/** autocannon's per-second quotas and timer jitter leave a run a little short of the offered rate. */
const RATE_TOLERANCE = 0.01;

export interface TargetCheck {
  readonly name: string;
  readonly measured: string;
  /** null: the run did not include the phase the target needs. */
  readonly held: boolean | null;
}

export interface Throughput {
  readonly rps: number;
  readonly connections: number;
}

export interface IntakeSummary {
  readonly reportMax: Throughput | null;
  readonly baselineMax: Throughput | null;
  /** reportIncident max throughput / validateIncidentReport max throughput, to three decimals. */
  readonly ratio: number | null;
  readonly targets: readonly TargetCheck[];
  readonly verdict: 'HELD' | 'MISSED' | 'INCOMPLETE';
}

/** The best unthrottled phase of an operation. */
export function maxThroughput(phases: readonly PhaseResult[], operation: IntakeOperation): Throughput | null {
  const best = phases
    .filter((phase) => phase.operation === operation && phase.kind === 'max')
    .reduce<PhaseResult | null>(
      (top, phase) => (top === null || phase.achievedRps > top.achievedRps ? phase : top),
      null,
    );
  return best === null ? null : { rps: best.achievedRps, connections: best.connections };
}

export function summariseIntake(phases: readonly PhaseResult[]): IntakeSummary {
  const reportMax = maxThroughput(phases, 'reportIncident');
  const baselineMax = maxThroughput(phases, 'validateIncidentReport');
  // Judged unrounded: 0.497 must not pass as 0.50.
  const exactRatio = reportMax && baselineMax && baselineMax.rps > 0 ? reportMax.rps / baselineMax.rps : null;
  const ratio = exactRatio === null ? null : Math.round(exactRatio * 1000) / 1000;
  const atTarget = phases.find(
    (phase) =>
      phase.operation === 'reportIncident' && phase.kind === 'rate' && phase.targetRate === TARGET_RATE,
  );
  const minimumRate = Math.floor(TARGET_RATE * (1 - RATE_TOLERANCE));
  const p99 = atTarget?.latencyMs?.p99 ?? null;
  const targets: TargetCheck[] = [
    {
      name: `reportIncident max throughput >= ${TARGET_RATE} req/s`,
      measured: reportMax ? `${reportMax.rps} req/s` : 'not measured',
      held: reportMax ? reportMax.rps >= TARGET_RATE : null,
    },
    {
      name: `reportIncident at ${TARGET_RATE}/s: achieved >= ${minimumRate} req/s, no errors`,
      measured: atTarget ? `${atTarget.achievedRps} req/s, ${atTarget.errors} errors` : 'not measured',
      held: atTarget ? atTarget.achievedRps >= minimumRate && atTarget.errors === 0 : null,
    },
    {
      name: `reportIncident at ${TARGET_RATE}/s: p99 <= ${TARGET_P99_MS} ms`,
      measured: p99 === null ? 'not measured' : `${p99} ms`,
      held: p99 === null ? null : p99 <= TARGET_P99_MS,
    },
    {
      name: `reportIncident max / baseline max >= ${TARGET_BASELINE_RATIO}`,
      measured: ratio === null ? 'not measured' : String(ratio),
      held: exactRatio === null ? null : exactRatio >= TARGET_BASELINE_RATIO,
    },
  ];
  const verdict = targets.some((t) => t.held === false)
    ? 'MISSED'
    : targets.some((t) => t.held === null)
      ? 'INCOMPLETE'
      : 'HELD';
  return { reportMax, baselineMax, ratio, targets, verdict };
}
