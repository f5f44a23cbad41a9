import { Presets, SingleBar } from 'cli-progress';
import { type AppConfig, ConfigError, loadConfig } from '@app/core';
import {
  type AsyncProjectionRunner,
  type Lease,
  LeasedReadModelRuntime,
  openEventStore,
  openReadModelRuntime,
  type Projection,
  SqliteEventStore,
  SqliteProjectionRunner,
  sqliteFileOf,
} from '@app/event-store';
import { PROJECTION_LIST } from './projection-list';

/**
 * `npm run projections:rebuild [-- name ...]`: empties the read models and replays the whole log
 * from position 0, in batches that each commit rows and checkpoint together. Safe while servers run:
 * embedded, their inline projection catches up from the same checkpoints; distributed, a projection
 * whose lease a worker holds is reset here and rebuilt by that worker, and this command follows it.
 */
/**
 * Events per batch: large enough that most incidents' rows are written once per batch rather than
 * once per event (a batch is one transaction), small enough to stay well inside memory.
 */
const REBUILD_BATCH_SIZE = 20_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const projections = selected(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const head =
    config.EVENT_STORE === 'sqlite'
      ? rebuildEmbedded(config, projections)
      : await rebuildLeased(config, projections);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `Rebuilt ${projections.map((p) => p.name).join(', ')} from ${head} events on ${config.EVENT_STORE} in ${seconds.toFixed(2)} s (${Math.round(Number(head) / Math.max(seconds, 1e-3))} events/s)\n`,
  );
}

function selected(names: readonly string[]): Projection[] {
  const unknown = names.filter((name) => !PROJECTION_LIST.some((p) => p.name === name));
  if (unknown.length > 0) {
    throw new ConfigError([
      `unknown projection(s): ${unknown.join(', ')}; known: ${PROJECTION_LIST.map((p) => p.name).join(', ')}`,
    ]);
  }
  return PROJECTION_LIST.filter((p) => names.length === 0 || names.includes(p.name));
}

function rebuildEmbedded(config: AppConfig, projections: readonly Projection[]): bigint {
  const store = SqliteEventStore.open({ path: sqliteFileOf(config) });
  try {
    const runner = new SqliteProjectionRunner(store.database, store, projections);
    const head = store.headPositionSync();
    const progress = progressBar(head);
    runner.reset();
    runner.catchUp((position) => {
      progress.update(position);
    }, REBUILD_BATCH_SIZE);
    progress.stop();
    return head;
  } finally {
    void store.close();
  }
}

async function rebuildLeased(config: AppConfig, projections: readonly Projection[]): Promise<bigint> {
  const store = await openEventStore(config);
  const runtime = openReadModelRuntime(config, store, projections);
  if (!(runtime instanceof LeasedReadModelRuntime)) throw new TypeError('expected leased read models');
  const leases: Lease[] = [];
  try {
    await runtime.prepare();
    const head = await store.headPosition();
    const progress = progressBar(head);
    const here: Projection[] = [];
    const elsewhere: Projection[] = [];
    for (const projection of projections) {
      const lease = await runtime.leases.tryAcquire(`projection:${projection.name}`);
      if (lease) leases.push(lease);
      (lease ? here : elsewhere).push(projection);
    }
    await runtime.runner.reset(projections.map((p) => p.name));
    await runtime.runner.catchUpAll(
      here,
      (position) => {
        progress.update(position);
      },
      REBUILD_BATCH_SIZE,
    );
    await followWorkers(runtime.runner, elsewhere, head, (position) => {
      progress.update(position);
    });
    progress.stop();
    return head;
  } finally {
    await Promise.all(leases.map((lease) => lease.release()));
    await runtime.stop();
    await store.close();
  }
}

/** Projections whose lease a running worker holds: it rebuilds them after the reset; wait for it. */
async function followWorkers(
  runner: AsyncProjectionRunner,
  projections: readonly Projection[],
  head: bigint,
  onProgress: (position: bigint) => void,
): Promise<void> {
  if (projections.length === 0) return;
  const names = projections.map((p) => p.name);
  process.stderr.write(`${names.join(', ')}: rebuilt by the worker holding the lease; following it\n`);
  for (;;) {
    const status = (await runner.status()).filter((s) => names.includes(s.name));
    const low = status.reduce((min, s) => (s.checkpoint < min ? s.checkpoint : min), head);
    onProgress(low);
    if (low >= head) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function progressBar(total: bigint): { update(position: bigint): void; stop(): void } {
  const bar = new SingleBar(
    {
      format: 'rebuild [{bar}] {percentage}% | {value}/{total} events | {rate} ev/s | eta {eta}s',
      stream: process.stderr,
      noTTYOutput: false,
    },
    Presets.shades_classic,
  );
  const started = process.hrtime.bigint();
  bar.start(Number(total), 0, { rate: 0 });
  // Without a terminal the bar redraws on a timer, which the synchronous SQLite rebuild never lets
  // run: there, each batch writes its own line.
  const lines = !process.stderr.isTTY;
  return {
    update: (position) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rate = Math.round(Number(position) / Math.max(seconds, 1e-3));
      if (lines) process.stderr.write(`rebuild ${position}/${total} events | ${rate} ev/s\n`);
      else bar.update(Number(position), { rate });
    },
    stop: () => {
      bar.stop();
    },
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
