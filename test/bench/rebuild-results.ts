import {
  type MachineInfo,
  loadAverage,
  sourceRevision,
  writeBenchMarkdown,
  writeBenchResults,
} from './bench-results';
import { renderRebuildChart } from './rebuild-chart';
import { APPENDS_PER_ROUND, type RebuildBenchConfig } from './rebuild-config';
import type { StoreResult, TargetCheck } from './rebuild-report';

export interface RebuildRun {
  readonly config: RebuildBenchConfig;
  readonly startedAt: Date;
  readonly machine: MachineInfo;
  readonly loadAtStart: number[];
  readonly postgres: { readonly server: Record<string, string>; readonly database: string } | null;
  readonly results: readonly StoreResult[];
  readonly checks: readonly TargetCheck[];
  /** The report as printed. */
  readonly report: string;
}

const methodOf = (config: RebuildBenchConfig): Record<string, string> => ({
  log: `incidents in five scenarios (8-12 events each), every command decided by decideIncident; ${config.openIncidents} incidents open at once, ${APPENDS_PER_ROUND} appends per round`,
  cli: 'node dist/apps/worker/src/rebuild-projections.js as a child (EVENT_STORE and DATA_DIR or DATABASE_URL); its own figure from its last line; wall time from spawn to exit; batches seen from outside by sampling the lowest checkpoint every 200 ms; CPU and peak RSS from process.resourceUsage() at its exit',
  runner:
    "the command's batch size (REBUILD_BATCH_SIZE, read from the built command). SQLite: SqliteProjectionRunner over the store connection, reset(), catchUp; PostgreSQL: openReadModelRuntime (LeasedReadModelRuntime), every projection's lease, runner.reset(), runner.catchUpAll; a batch is one transaction applying every projection",
  targets: 'judged on the command figure (the in-process runner when the command did not run)',
});

/** rebuild-<timestamp>.json, rebuild-latest.json, rebuild-latest.svg and the report as Markdown; returns the paths. */
export function writeRebuildResults(run: RebuildRun): string[] {
  const { config, startedAt, machine } = run;
  const caption = `${machine.cpus} CPUs, Node ${machine.node}, ${config.events.toLocaleString('en')} events, ${startedAt.toISOString()}`;
  const method = methodOf(config);
  const source = sourceRevision();
  const files = writeBenchResults(
    config.outDir,
    'rebuild',
    startedAt,
    {
      benchmark: 'rebuild',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      source,
      machine,
      loadAverage: { atStart: run.loadAtStart, atEnd: loadAverage() },
      config,
      method,
      postgres: run.postgres,
      results: run.results,
      targets: run.checks,
    },
    renderRebuildChart(run.results, caption),
  );
  const markdown = [
    `# Rebuild benchmark, ${startedAt.toISOString()}`,
    '',
    `${caption}; ${machine.cpuModel}; commit ${source?.commit.slice(0, 7) ?? 'unknown'} (${source?.changedFiles ?? '?'} files changed); ` +
      `PostgreSQL ${run.postgres?.server['server_version'] ?? '-'}`,
    '',
    ...Object.entries(method).map(([key, value]) => `- ${key}: ${value}`),
    '',
    '```',
    run.report,
    '```',
    '',
  ].join('\n');
  const [markdownFile] = writeBenchMarkdown(config.outDir, 'rebuild', startedAt, markdown);
  return [files.json, files.latestJson, files.latestSvg, markdownFile ?? ''];
}
