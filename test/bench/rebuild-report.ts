import type { CliRun } from './rebuild-cli';
import { type RebuildStore, TARGET_EVENTS } from './rebuild-config';
import type { RunnerRun } from './rebuild-runner';
import type { SeedResult } from './rebuild-seed';

/** Issue 6: a rebuild of 1M events at these rates or faster. */
export const TARGET_EVENTS_PER_S: Readonly<Record<RebuildStore, number>> = {
  sqlite: 50_000,
  postgres: 25_000,
};

/** Everything measured on one store. */
export interface StoreResult {
  readonly store: RebuildStore;
  readonly seed: SeedResult;
  /** The log as stored after seeding: the SQLite file, or PostgreSQL's events table with its indexes. */
  readonly logMiB: number;
  readonly cli: CliRun | null;
  readonly runner: RunnerRun | null;
}

export interface TargetCheck {
  readonly store: RebuildStore;
  readonly name: string;
  readonly measured: string;
  readonly held: boolean;
  /** The run had fewer events than the target is stated for: indicative only. */
  readonly partial: boolean;
}

/** Judged on the command's own figure, since that is what operators run; the in-process pass when only it ran. */
export function checkTargets(results: readonly StoreResult[]): TargetCheck[] {
  return results.flatMap((r) => {
    const run = r.cli ?? r.runner;
    if (run === null) return [];
    const target = TARGET_EVENTS_PER_S[r.store];
    return [
      {
        store: r.store,
        name: `${r.store} rebuild of ${TARGET_EVENTS.toLocaleString('en')} events >= ${target.toLocaleString('en')} events/s`,
        measured: `${run.eventsPerS.toLocaleString('en')} events/s (${run.events.toLocaleString('en')} events in ${run.seconds} s, ${run.method === 'cli' ? 'the command' : 'in-process runner'})`,
        held: run.eventsPerS >= target,
        partial: run.events < TARGET_EVENTS,
      },
    ];
  });
}

interface Row {
  readonly label: string;
  readonly value: (r: StoreResult) => number | string | null | undefined;
  /** Shows postgres / sqlite when both are numbers. */
  readonly ratio?: boolean;
}

const n = (value: number | null | undefined): string | null =>
  value === null || value === undefined ? null : value.toLocaleString('en');
const triple = (s: { p5: number; p50: number; p95: number } | null | undefined): string | null =>
  s ? `${n(s.p5)} / ${n(s.p50)} / ${n(s.p95)}` : null;
const heldOf = (r: StoreResult): string | null => {
  const run = r.cli ?? r.runner;
  if (run === null) return null;
  return run.eventsPerS >= TARGET_EVENTS_PER_S[r.store] ? 'held' : 'MISSED';
};
const ROWS: readonly Row[] = [
  { label: 'events in the log', value: (r) => n(r.cli?.events ?? r.runner?.events) },
  { label: 'command: rebuild s (its own timer)', value: (r) => r.cli?.seconds, ratio: true },
  { label: 'command: events/s', value: (r) => r.cli?.eventsPerS, ratio: true },
  { label: 'target events/s', value: (r) => TARGET_EVENTS_PER_S[r.store] },
  { label: 'target', value: heldOf },
  { label: 'command: process start to exit s', value: (r) => r.cli?.wallSeconds, ratio: true },
  { label: 'command: batch events/s p5 / p50 / p95', value: (r) => triple(r.cli?.batches) },
  {
    label: 'command: CPU % command / rest of machine',
    value: (r) => (r.cli ? `${r.cli.cpuPct.command ?? '-'} / ${r.cli.cpuPct.other ?? '-'}` : null),
  },
  { label: 'command: peak RSS MiB', value: (r) => r.cli?.peakRssMiB, ratio: true },
  { label: 'runner: open + reset + replay s', value: (r) => r.runner?.seconds, ratio: true },
  { label: 'runner: events/s', value: (r) => r.runner?.eventsPerS, ratio: true },
  { label: 'runner: reset s', value: (r) => r.runner?.resetS },
  { label: 'runner: batch size (events)', value: (r) => r.runner?.batchSize },
  { label: 'runner: batches', value: (r) => r.runner?.batches.batches },
  { label: '… batch events/s p5 / p50 / p95', value: (r) => triple(r.runner?.batches.eventsPerS) },
  {
    label: '… batch ms p50 / p95 / max',
    value: (r) => {
      const ms = r.runner?.batches.ms;
      return ms ? `${ms.p50} / ${ms.p95} / ${ms.max}` : null;
    },
  },
  {
    label: 'runner: CPU % benchmark / rest of machine',
    value: (r) => (r.runner ? `${r.runner.cpuPct.benchmark} / ${r.runner.cpuPct.other ?? '-'}` : null),
  },
  { label: 'log size MiB (file / events table)', value: (r) => r.logMiB, ratio: true },
  {
    label: 'seeding s (events/s), not measured',
    value: (r) => `${r.seed.seconds} (${n(r.seed.eventsPerS)})`,
  },
];

const cell = (value: number | string | null | undefined): string =>
  value === null || value === undefined ? '-' : typeof value === 'number' ? (n(value) ?? '-') : value;

/** SQLite beside PostgreSQL, one metric a row: a Markdown table, pasteable into docs/benchmarks/. */
export function formatRebuildTable(results: readonly StoreResult[]): string {
  const sqlite = results.find((r) => r.store === 'sqlite');
  const postgres = results.find((r) => r.store === 'postgres');
  const header = ['metric', 'SQLite (embedded)', 'PostgreSQL', 'PostgreSQL / SQLite'];
  const rows = ROWS.map((row) => {
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

export function formatTargets(checks: readonly TargetCheck[]): string {
  const lines = checks.map(
    (c) =>
      `  ${c.held ? 'HELD  ' : 'MISSED'} ${c.name}: ${c.measured}${c.partial ? ' (fewer events than the target is stated for: indicative only)' : ''}`,
  );
  const missed = checks.filter((c) => !c.held).length;
  return [
    ...lines,
    '',
    `Verdict: ${missed === 0 ? 'HELD' : `MISSED (${missed} of ${checks.length} targets missed)`}`,
  ].join('\n');
}
