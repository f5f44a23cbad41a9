import type { LatencySummary } from './latency-summary';
import type { FiringLoad } from './sla-load';
import type { SideResult } from './sla-run';
import type { SlaSummary, TargetCheck } from './sla-targets';

interface Row {
  readonly label: string;
  readonly value: (result: SideResult) => number | string | null;
  /** Shows ours / plain when both are numbers. */
  readonly ratio?: boolean;
}

const lateness =
  (set: 'spread' | 'burst', stat: keyof LatencySummary) =>
  (result: SideResult): number | null =>
    result[set].latenessMs?.[stat] ?? null;

const ROWS: readonly Row[] = [
  { label: 'spread lateness p50 ms', value: lateness('spread', 'p50') },
  { label: 'spread lateness p99 ms', value: lateness('spread', 'p99'), ratio: true },
  { label: 'spread lateness max ms', value: lateness('spread', 'max') },
  { label: 'burst lateness p50 ms', value: lateness('burst', 'p50') },
  { label: 'burst lateness p99 ms', value: lateness('burst', 'p99'), ratio: true },
  { label: 'burst lateness max ms', value: lateness('burst', 'max') },
  { label: 'Redis bytes per clock', value: (r) => r.memory.bytesPerClock, ratio: true },
  { label: 'Redis used_memory after run, MiB', value: (r) => mib(r.memory.afterRunBytes) },
  {
    label: 'fired / planned',
    value: (r) => `${r.spread.fired + r.burst.fired}/${r.spread.planned + r.burst.planned}`,
  },
  { label: 'missed, duplicates', value: (r) => `${r.spread.missed + r.burst.missed}, ${r.duplicates}` },
  {
    label: 'scheduling s (timers/s)',
    value: (r) => `${r.scheduling.durationMs / 1000} (${r.scheduling.timersPerS})`,
  },
  { label: 'Redis hz', value: (r) => `${r.redis.hz}${r.redis.dynamicHz ? ' (dynamic)' : ''}` },
  { label: 'CPU bench process / redis / other', value: (r) => cpu(r.firing) },
  {
    label: '… in the burst window (s)',
    value: (r) => (r.burstWindow ? `${cpu(r.burstWindow)} (${r.burstWindow.durationS})` : null),
  },
  {
    label: 'event-loop delay p99 / max ms',
    value: (r) => `${r.firing.eventLoopDelayMs.p99} / ${r.firing.eventLoopDelayMs.max}`,
  },
];

const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

function cpu(load: FiringLoad): string {
  const { bench, redis, other } = load.cpuPct;
  return `${bench}% / ${redis ?? '-'}% / ${other ?? '-'}%`;
}

const cell = (value: number | string | null | undefined): string =>
  value === null || value === undefined ? '-' : String(value);

/** ours beside plain, one metric a row; a Markdown table, pasteable into docs/benchmarks/sla.md. */
export function formatSlaTable(results: readonly SideResult[]): string {
  const ours = results.find((result) => result.side === 'ours');
  const plain = results.find((result) => result.side === 'plain');
  const header = ['metric', 'ours', 'plain BullMQ', 'ours / plain'];
  const rows = ROWS.map((row) => {
    const a = ours ? row.value(ours) : null;
    const b = plain ? row.value(plain) : null;
    const ratio =
      row.ratio && typeof a === 'number' && typeof b === 'number' && b > 0 ? (a / b).toFixed(2) : '';
    return [row.label, cell(a), cell(b), ratio];
  });
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]): string =>
    `| ${row.map((text, column) => (column === 0 ? text.padEnd(widths[0] ?? 0) : text.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const status = (check: TargetCheck): string =>
  check.held === null ? 'N/A   ' : check.held ? 'HELD  ' : 'MISSED';

export function formatSlaSummary(summary: SlaSummary): string {
  const completeness = Object.entries(summary.complete)
    .map(([side, complete]) => `${side} ${complete ? 'yes' : 'NO (see missed, duplicates)'}`)
    .join(', ');
  const missed = summary.targets.filter((target) => target.held === false).length;
  return [
    `Every timer fired exactly once: ${completeness}`,
    '',
    'Targets:',
    ...summary.targets.map((check) => `  ${status(check)} ${check.name}: ${check.measured}`),
    '',
    `Verdict: ${summary.verdict}${summary.verdict === 'MISSED' ? ` (${missed} of ${summary.targets.length} targets missed)` : ''}`,
  ].join('\n');
}
