/**
 * Projection rebuild benchmark (issue 6): a realistic log of 1M incident events, decided by the real
 * deciders, is seeded into the embedded SQLite store and into PostgreSQL; then each store's read
 * models are rebuilt by the real `projections:rebuild` command (a child process) and by its code
 * paths in this process with every batch timed. Prints SQLite beside PostgreSQL with the targets
 * and writes bench-results/rebuild-*. Run with `npm run bench:rebuild -- [flags]` (rebuild-config.ts).
 * Exits 0 whether or not the targets hold.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECTION_LIST } from '../../apps/worker/src/projection-list';
import { BenchConfigError } from './bench-config';
import { type BenchDatabase, postgresServerInfo, rebuildDatabase } from './bench-database';
import { loadAverage, machineInfo } from './bench-results';
import { killRebuildCommand, runRebuildCommand } from './rebuild-cli';
import {
  APPENDS_PER_ROUND,
  loadRebuildConfig,
  REBUILD_USAGE,
  type RebuildBenchConfig,
  type RebuildStore,
} from './rebuild-config';
import { postgresLogMiB, seedPostgres } from './rebuild-pg-copy';
import { writeRebuildResults } from './rebuild-results';
import { checkTargets, formatRebuildTable, formatTargets, type StoreResult } from './rebuild-report';
import { commandBatchSize, runPostgresRunner, runSqliteRunner } from './rebuild-runner';
import { type SeedResult, seedSqlite } from './rebuild-seed';

const out = process.stdout;
const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);
const cleanup: { dataDir?: string | undefined; keep?: boolean; database?: BenchDatabase | undefined } = {};

async function measure(
  store: RebuildStore,
  config: RebuildBenchConfig,
  where: { dataDir: string; sqliteFile: string; url: string },
  seed: SeedResult,
  logMiB: number,
): Promise<StoreResult> {
  const projections = PROJECTION_LIST.map((p) => p.name);
  let cli: StoreResult['cli'] = null;
  let runner: StoreResult['runner'] = null;
  if (config.methods.includes('cli')) {
    out.write(`\n[cli ${store}] npm run projections:rebuild, as a child process\n`);
    const env =
      store === 'sqlite'
        ? { EVENT_STORE: 'sqlite', DATA_DIR: where.dataDir, DATABASE_URL: '' }
        : { EVENT_STORE: 'postgres', DATABASE_URL: where.url, DATA_DIR: where.dataDir };
    const checkpoints = store === 'sqlite' ? where.sqliteFile : where.url;
    const head = seed.events;
    cli = await runRebuildCommand(
      { store, env, checkpoints, projections, head },
      path.join(where.dataDir, 'usage.json'),
    );
    out.write(`[cli ${store}] ${cli.line}\n`);
  }
  if (config.methods.includes('runner')) {
    const batch = commandBatchSize();
    out.write(
      `\n[runner ${store}] the command's code paths in this process, batches of ${batch} (the command's), every batch timed\n`,
    );
    runner =
      store === 'sqlite'
        ? await runSqliteRunner(where.sqliteFile, batch)
        : await runPostgresRunner(where.url, where.dataDir, batch);
    out.write(
      `[runner ${store}] ${runner.events} events in ${runner.seconds} s (${runner.eventsPerS} events/s)\n`,
    );
  }
  return { store, seed, logMiB, cli, runner };
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    out.write(`${REBUILD_USAGE}\n`);
    return;
  }
  const config = loadRebuildConfig();
  const startedAt = new Date();
  const machine = machineInfo();
  const loadAtStart = loadAverage();
  out.write(
    `Rebuild benchmark: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, load average ${loadAtStart.join(' ')}\n` +
      `${config.events.toLocaleString('en')} events of incidents decided by the real deciders, ${config.openIncidents} incidents open at once; ` +
      `stores: ${config.stores.join(', ')}; methods: ${config.methods.join(' then ')}\n\nSeeding (setup, not measured):\n`,
  );
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dnscc-rebuild-'));
  Object.assign(cleanup, { dataDir, keep: config.keepData });
  const sqliteFile = path.join(dataDir, 'dnscc.sqlite');
  const log = { events: config.events, openIncidents: config.openIncidents, perRound: APPENDS_PER_ROUND };
  const sqliteSeed = await seedSqlite(sqliteFile, log);
  const sqliteMiB = mib(statSync(sqliteFile).size);
  out.write(
    `SQLite: ${sqliteSeed.events} events in ${sqliteSeed.appends} appends, ${sqliteSeed.seconds} s; file ${sqliteMiB} MiB\n`,
  );

  let url = '';
  let postgres: { seed: SeedResult; logMiB: number; server: Record<string, string>; origin: string } | null =
    null;
  if (config.stores.includes('postgres')) {
    const database = await rebuildDatabase();
    cleanup.database = database;
    url = database.url;
    const server = await postgresServerInfo(url);
    out.write(`PostgreSQL ${server['server_version'] ?? '?'}: ${database.origin}\n`);
    const seed = await seedPostgres(config, url, sqliteFile);
    postgres = { seed, logMiB: await postgresLogMiB(url), server, origin: database.origin };
    out.write(
      `PostgreSQL: ${seed.events} events in ${seed.seconds} s (${seed.method}); events table ${postgres.logMiB} MiB\n`,
    );
  }

  const results: StoreResult[] = [];
  for (const store of config.stores) {
    const seed = store === 'sqlite' ? sqliteSeed : postgres?.seed;
    if (seed === undefined) continue;
    results.push(
      await measure(
        store,
        config,
        { dataDir, sqliteFile, url },
        seed,
        store === 'sqlite' ? sqliteMiB : (postgres?.logMiB ?? 0),
      ),
    );
  }

  const checks = checkTargets(results);
  const report = [formatRebuildTable(results), '', 'Targets (issue 6):', formatTargets(checks)].join('\n');
  out.write(`\n${report}\n`);
  const files = writeRebuildResults({
    config,
    startedAt,
    machine,
    loadAtStart,
    postgres: postgres === null ? null : { server: postgres.server, database: postgres.origin },
    results,
    checks,
    report,
  });
  out.write(`\nResults: ${files.join('\n         ')}\n`);
}

async function release(): Promise<void> {
  killRebuildCommand();
  if (cleanup.dataDir && !cleanup.keep) rmSync(cleanup.dataDir, { recursive: true, force: true });
  if (cleanup.dataDir && cleanup.keep) process.stderr.write(`Data directory kept: ${cleanup.dataDir}\n`);
  const database = cleanup.database;
  cleanup.dataDir = undefined;
  cleanup.database = undefined;
  await database?.release().catch((error: unknown) => {
    process.stderr.write(`could not drop the benchmark database: ${String(error)}\n`);
  });
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.once(signal, () => {
    void release().finally(() => process.exit(code));
  });
}

main()
  .then(release)
  // A pool or a throwaway PostgreSQL cluster must not keep the finished benchmark alive.
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    process.stderr.write(
      `\nrebuild benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await release();
    process.exit(error instanceof BenchConfigError ? 2 : 1);
  });
