import type { IntakeSummary, TargetCheck } from './intake-targets';
import type { PhaseResult } from './load-phase';

/** The stored-incident check after one reportIncident phase. */
export interface StoreVerification {
  readonly phase: string;
  readonly okResponses: number;
  /** Sent requests without a response when the phase stopped; the server may still have stored them. */
  readonly unanswered: number;
  readonly stored: number;
  readonly consistent: boolean;
}

const HEADER = [
  'operation',
  'phase',
  'conn',
  'target req/s',
  'achieved req/s',
  'p50 ms',
  'p99 ms',
  'p99.9 ms',
  'errors',
  'server CPU',
  'other CPU',
];

const phaseName = (phase: PhaseResult): string => (phase.kind === 'max' ? 'max' : 'fixed rate');

function phaseRow(phase: PhaseResult): string[] {
  const latency = phase.latencyMs;
  return [
    phase.operation,
    phaseName(phase),
    String(phase.connections),
    phase.targetRate === null ? '-' : String(phase.targetRate),
    String(phase.achievedRps),
    latency ? latency.p50.toFixed(2) : '-',
    latency ? latency.p99.toFixed(2) : '-',
    latency ? latency.p99_9.toFixed(2) : '-',
    String(phase.errors),
    phase.cpuPct.server === null ? '-' : `${phase.cpuPct.server}%`,
    phase.cpuPct.other === null ? '-' : `${phase.cpuPct.other}%`,
  ];
}

/** A Markdown table, readable in a terminal and pasteable into docs/benchmarks/. */
export function formatPhaseTable(phases: readonly PhaseResult[]): string {
  const rows = [HEADER, ...phases.map(phaseRow)];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const numeric = (column: number): boolean => column >= 2;
  const line = (row: readonly string[]): string =>
    `| ${row
      .map((cell, column) =>
        numeric(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (numeric(column) ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(HEADER), rule, ...rows.slice(1).map(line)].join('\n');
}

export function formatVerifications(verifications: readonly StoreVerification[]): string {
  return verifications
    .map(
      (v) =>
        `  ${v.consistent ? 'OK      ' : 'MISMATCH'} ${v.phase}: ${v.okResponses} successful responses, ` +
        `${v.stored} incidents stored (${v.unanswered} requests unanswered when the phase stopped)`,
    )
    .join('\n');
}

const status = (check: TargetCheck): string =>
  check.held === null ? 'N/A   ' : check.held ? 'HELD  ' : 'MISSED';

export function formatSummary(summary: IntakeSummary): string {
  const max = (label: string, value: IntakeSummary['reportMax']): string =>
    `${label}${value ? `${value.rps} req/s (${value.connections} connections)` : 'not measured'}`;
  return [
    max('reportIncident max throughput:         ', summary.reportMax),
    max('validateIncidentReport max throughput: ', summary.baselineMax),
    `ratio reportIncident / baseline:         ${summary.ratio ?? 'not measured'}`,
    '',
    'Targets:',
    ...summary.targets.map((check) => `  ${status(check)} ${check.name}: ${check.measured}`),
    '',
    `Verdict: ${summary.verdict}${
      summary.verdict === 'MISSED'
        ? ` (${summary.targets.filter((t) => t.held === false).length} of ${summary.targets.length} targets missed)`
        : ''
    }`,
  ].join('\n');
}

/** Up to a few failed responses, so a run with errors says why. */
export function formatFailures(phases: readonly PhaseResult[]): string | null {
  const failed = phases.filter((phase) => phase.firstFailure !== null);
  if (failed.length === 0) return null;
  return failed
    .slice(0, 4)
    .map(
      (phase) =>
        `  ${phase.operation} ${phaseName(phase)} ${phase.targetRate ?? ''}: ${phase.firstFailure ?? ''}`,
    )
    .join('\n');
}
