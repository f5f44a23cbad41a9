import type { IntakeStore } from './bench-config';
import { renderPhaseChart, type Series } from './intake-chart';
import type { StoreVerification } from './intake-report';
import type { IntakeSummary } from './intake-targets';
import { describePhase, type PhaseResult } from './load-phase';

/** Every phase of both operations against one event store, each operation on its own fresh server. */
export interface StoreRun {
  readonly store: IntakeStore;
  readonly phases: readonly PhaseResult[];
  readonly verifications: readonly StoreVerification[];
  readonly storage: {
    readonly incidents: number;
    readonly dataDirBytes: number;
    /** PostgreSQL only: the database's size (events, read models, indexes). */
    readonly databaseBytes?: number;
  } | null;
  readonly summary: IntakeSummary;
}

export const STORE_LABELS: Readonly<Record<IntakeStore, string>> = {
  sqlite: 'SQLite (embedded)',
  postgres: 'PostgreSQL',
};

interface Row {
  readonly label: string;
  readonly value: (run: StoreRun) => number | string | null;
  /** Shows postgres / sqlite when both are numbers. */
  readonly ratio: boolean;
}

const phaseOf = (run: StoreRun, key: string): PhaseResult | undefined =>
  run.phases.find((p) => p.operation === 'reportIncident' && describePhase(p) === key);

/** Per reportIncident phase: what it achieved and its latency percentiles. */
function phaseRows(runs: readonly StoreRun[]): Row[] {
  const keys = [
    ...new Set(
      runs.flatMap((run) =>
        run.phases.filter((p) => p.operation === 'reportIncident').map((p) => describePhase(p)),
      ),
    ),
  ];
  return keys.flatMap((key): Row[] => [
    {
      label: `reportIncident ${key}: achieved req/s`,
      value: (run) => phaseOf(run, key)?.achievedRps ?? null,
      ratio: true,
    },
    { label: '… p50 ms', value: (run) => phaseOf(run, key)?.latencyMs?.p50 ?? null, ratio: true },
    { label: '… p99 ms', value: (run) => phaseOf(run, key)?.latencyMs?.p99 ?? null, ratio: true },
    { label: '… p99.9 ms', value: (run) => phaseOf(run, key)?.latencyMs?.p99_9 ?? null, ratio: true },
    {
      label: '… errors, server CPU',
      value: (run) => {
        const p = phaseOf(run, key);
        return p ? `${p.errors}, ${p.cpuPct.server ?? '-'}%` : null;
      },
      ratio: false,
    },
  ]);
}

const SUMMARY_ROWS: readonly Row[] = [
  { label: 'reportIncident max req/s', value: (run) => run.summary.reportMax?.rps ?? null, ratio: true },
  {
    label: 'validateIncidentReport max req/s',
    value: (run) => run.summary.baselineMax?.rps ?? null,
    ratio: true,
  },
  { label: 'ratio report / baseline', value: (run) => run.summary.ratio, ratio: true },
  {
    label: 'targets (docs/benchmarks/intake.md)',
    value: (run) =>
      `${run.summary.verdict} (${run.summary.targets.filter((t) => t.held === true).length}/${run.summary.targets.length} held)`,
    ratio: false,
  },
  {
    label: 'stored incidents all consistent',
    value: (run) => (run.verifications.every((v) => v.consistent) ? 'yes' : 'NO'),
    ratio: false,
  },
];

const cell = (value: number | string | null): string => (value === null ? '-' : String(value));

/** The stores side by side, one metric a row, PostgreSQL / SQLite where both are numbers. */
export function formatStoreComparison(runs: readonly StoreRun[]): string {
  const sqlite = runs.find((run) => run.store === 'sqlite');
  const postgres = runs.find((run) => run.store === 'postgres');
  const header = ['metric', STORE_LABELS.sqlite, STORE_LABELS.postgres, 'PostgreSQL / SQLite'];
  const rows = [...SUMMARY_ROWS, ...phaseRows(runs)].map((row) => {
    const a = sqlite ? row.value(sqlite) : null;
    const b = postgres ? row.value(postgres) : null;
    const ratio =
      row.ratio && typeof a === 'number' && typeof b === 'number' && a > 0 ? (b / a).toFixed(2) : '';
    return [row.label, cell(a), cell(b), ratio];
  });
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]): string =>
    `| ${row.map((text, c) => (c === 0 ? text.padEnd(widths[0] ?? 0) : text.padStart(widths[c] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const STORE_SERIES: readonly Series[] = [
  { key: 'sqlite', label: `reportIncident, ${STORE_LABELS.sqlite}`, colour: '#1f6feb' },
  { key: 'postgres', label: `reportIncident, ${STORE_LABELS.postgres}`, colour: '#8250df' },
];

/** The intake chart with the stores as the bars: reportIncident's throughput and p99 per phase. */
export function renderStoresChart(runs: readonly StoreRun[], caption: string): string {
  const storeOf = new Map<PhaseResult, IntakeStore>();
  for (const run of runs) {
    for (const phase of run.phases) if (phase.operation === 'reportIncident') storeOf.set(phase, run.store);
  }
  return renderPhaseChart([...storeOf.keys()], caption, STORE_SERIES, (phase) => storeOf.get(phase) ?? '');
}
