/**
 * Intake benchmark: how many incident reports per second the API stores, and how fast it answers,
 * next to the same requests that are only parsed (validateIncidentReport). Starts the built server,
 * loads it with autocannon from this process, prints a table and writes bench-results/intake-*.
 * With `--stores sqlite,postgres` (the default when PostgreSQL is reachable or can be started) every
 * phase runs against the embedded store and then against EVENT_STORE=postgres, reported side by side.
 * Run with `npm run bench:intake`; settings in bench-config.ts. Exits 0 whether or not targets hold.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  BenchConfigError,
  INTAKE_USAGE,
  type IntakeBenchConfig,
  type IntakeStore,
  loadBenchConfig,
} from './bench-config';
import { freshDatabase } from './bench-database';
import {
  autocannonVersion,
  loadAverage,
  machineInfo,
  sourceRevision,
  writeBenchResults,
} from './bench-results';
import { renderIntakeChart } from './intake-chart';
import { OPERATIONS, planFor } from './intake-plan';
import { formatFailures, formatPhaseTable, formatSummary, formatVerifications } from './intake-report';
import { current, runStore } from './intake-store-run';
import { formatStoreComparison, renderStoresChart, STORE_LABELS, type StoreRun } from './intake-stores';

/** CPU used by other processes (100 = one core) above which a run is flagged as measured on a busy machine. */
const NOISY_OTHER_CPU_PCT = 20;
const out = process.stdout;

/** The stores asked for; unasked, both when a PostgreSQL database can be had, else SQLite with a note. */
async function resolveStores(config: IntakeBenchConfig): Promise<IntakeStore[]> {
  if (config.stores !== null) return [...config.stores];
  try {
    await (await freshDatabase()).release();
    return ['sqlite', 'postgres'];
  } catch (error) {
    out.write(
      `Note: PostgreSQL is not reachable and could not be started (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); ` +
        'measuring SQLite only. `--stores sqlite,postgres` makes this an error.\n\n',
    );
    return ['sqlite'];
  }
}

/** One store's figures, printed as the benchmark always printed them. */
function reportStore(run: StoreRun, heading: boolean): void {
  if (heading) out.write(`\n== ${STORE_LABELS[run.store]} ==\n`);
  out.write(
    `\n${formatPhaseTable(run.phases)}\n\nStored incidents vs successful reportIncident responses:\n`,
  );
  out.write(`${formatVerifications(run.verifications)}\n\n${formatSummary(run.summary)}\n`);
  const busiest = Math.max(0, ...run.phases.map((phase) => phase.cpuPct.other ?? 0));
  if (busiest > NOISY_OTHER_CPU_PCT) {
    out.write(
      `\nNote: other processes used up to ${busiest}% CPU during a phase; the figures are lower than on a quiet machine.\n`,
    );
  }
  const failures = formatFailures(run.phases);
  if (failures !== null) out.write(`\nFirst failed response per phase:\n${failures}\n`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    out.write(`${INTAKE_USAGE}\n`);
    return;
  }
  const config = loadBenchConfig();
  const startedAt = new Date();
  const machine = machineInfo();
  const loadAtStart = loadAverage();
  const stores = await resolveStores(config);
  const plans = OPERATIONS.map((operation) => planFor(operation, config));
  const perStore = plans.reduce((sum, list) => sum + list.length, 0);
  const total = perStore * stores.length;
  const seconds = plans.flat().reduce((sum, plan) => sum + plan.durationS + 1, 0) * stores.length;
  const where =
    stores.length === 1 && stores[0] === 'sqlite'
      ? ''
      : `; stores: ${stores.join(' then ')}${stores.includes('postgres') ? ' (EVENT_STORE=postgres, ROLE=all, a fresh database per server)' : ''}`;
  out.write(
    `Intake benchmark: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, autocannon ${autocannonVersion()}\n` +
      `${total} phases, about ${Math.ceil(seconds / 10) * 10} s of load; each operation against a fresh server and data directory${where}\n\n`,
  );

  const position = { done: 0, total, prefix: '' };
  const runs: StoreRun[] = [];
  for (const store of stores) {
    const prefix = stores.length > 1 ? `${store} ` : '';
    runs.push(await runStore(config, store, plans, { ...position, prefix }));
    position.done += perStore;
  }
  for (const run of runs) reportStore(run, runs.length > 1);
  if (runs.length > 1) out.write(`\nSide by side:\n${formatStoreComparison(runs)}\n`);

  // The top-level fields stay those of the first store (the embedded one by default), as before.
  const [first] = runs;
  if (first === undefined) return;
  const caption = `${machine.cpus} CPUs, Node ${machine.node}, ${config.durationS} s per phase, ${startedAt.toISOString()}`;
  const files = writeBenchResults(
    config.outDir,
    'intake',
    startedAt,
    {
      benchmark: 'intake',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      source: sourceRevision(),
      machine,
      loadAverage: { atStart: loadAtStart, atEnd: loadAverage() },
      config,
      method: {
        loadGenerator: `autocannon ${autocannonVersion()}, in the benchmark process, pipelining 1`,
        fixedRate: config.stagger
          ? 'autocannon overallRate, one instance per connection with its share of the rate, started evenly over a second'
          : 'autocannon overallRate, one instance: each connection sends its share back to back as every second starts',
        latency:
          'per response, from the write of the request to the end of its response; exact percentiles, no coordinated-omission correction',
        achievedRps:
          'successful responses (2xx, expected payload, no GraphQL errors) per second of the phase',
        ...(stores.includes('postgres')
          ? {
              postgres:
                "EVENT_STORE=postgres, ROLE=all, DATABASE_URL to a fresh database per server, the server's own Redis",
            }
          : {}),
      },
      store: first.store,
      phases: first.phases,
      verifications: first.verifications,
      storage: first.storage,
      summary: first.summary,
      ...(runs.length > 1 ? { stores: runs } : {}),
    },
    renderIntakeChart(first.phases, caption),
  );
  out.write(`\nResults: ${files.json}\n         ${files.latestJson}\n         ${files.latestSvg}\n`);
  if (runs.length > 1) {
    const file = path.join(config.outDir, 'intake-stores-latest.svg');
    writeFileSync(file, renderStoresChart(runs, caption));
    out.write(`         ${file}\n`);
  }
}

// However this process ends (Ctrl-C, a closed pipe, a crash), the server must not outlive it.
process.on('exit', () => current.server?.killNow());
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.once(signal, () => {
    current.server?.killNow();
    void (current.database?.release() ?? Promise.resolve()).finally(() => process.exit(code));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\nintake benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(error instanceof BenchConfigError ? 2 : 1);
});
