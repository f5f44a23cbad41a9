import { Presets, SingleBar } from 'cli-progress';
import { type AppConfig, ConfigError, loadConfig } from '@app/core';
import {
  type AsyncProjectionRunner,
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
    }, 5000);
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
  try {
    await runtime.prepare();
    const head = await store.headPosition();
    const progress = progressBar(head);
    const reached = new Map(projections.map((p) => [p.name, 0n]));
    const report = (name: string, position: bigint): void => {
      reached.set(name, position);
      progress.update([...reached.values()].reduce((low, p) => (p < low ? p : low), head));
    };
    await Promise.all(
      projections.map((p) =>
        rebuildOne(runtime, p, head, (position) => {
          report(p.name, position);
        }),
      ),
    );
    progress.stop();
    return head;
  } finally {
    await runtime.stop();
    await store.close();
  }
}

/** Rebuilds here under the projection's lease, or resets it and follows the worker that holds it. */
async function rebuildOne(
  runtime: LeasedReadModelRuntime,
  projection: Projection,
  head: bigint,
  onProgress: (position: bigint) => void,
): Promise<void> {
  const runner: AsyncProjectionRunner = runtime.runner;
  const lease = await runtime.leases.tryAcquire(`projection:${projection.name}`);
  await runner.reset([projection.name]);
  if (lease) {
    try {
      await runner.catchUp(projection, onProgress);
    } finally {
      await lease.release();
    }
    return;
  }
  process.stderr.write(`${projection.name}: a running worker holds its lease and rebuilds it; following\n`);
  for (;;) {
    const checkpoint = (await runner.status()).find((s) => s.name === projection.name)?.checkpoint ?? 0n;
    onProgress(checkpoint);
    if (checkpoint >= head) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function progressBar(total: bigint): { update(position: bigint): void; stop(): void } {
  const bar = new SingleBar(
    {
      format: 'rebuild [{bar}] {percentage}% | {value}/{total} events | {rate} ev/s | eta {eta}s',
      stream: process.stderr,
      // Also report progress when the output is a log file or a CI console, not a terminal.
      noTTYOutput: true,
      notTTYSchedule: 1000,
    },
    Presets.shades_classic,
  );
  const started = process.hrtime.bigint();
  bar.start(Number(total), 0, { rate: 0 });
  return {
    update: (position) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      bar.update(Number(position), { rate: Math.round(Number(position) / Math.max(seconds, 1e-3)) });
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
