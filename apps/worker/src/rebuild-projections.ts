import { SingleBar, Presets } from 'cli-progress';
import { ConfigError, loadConfig } from '@app/core';
import { SqliteEventStore, SqliteProjectionRunner, sqliteFileOf } from '@app/event-store';
import { PROJECTION_LIST } from './projection-list';

/**
 * `npm run projections:rebuild [-- name ...]`: empties the read models and replays the whole log
 * from position 0, in batches that each commit rows and checkpoint together. Safe while the server
 * runs: its inline projection catches up from the same checkpoints.
 */
function main(): void {
  const config = loadConfig();
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !PROJECTION_LIST.some((p) => p.name === name));
  if (unknown.length > 0) {
    throw new ConfigError([
      `unknown projection(s): ${unknown.join(', ')}; known: ${PROJECTION_LIST.map((p) => p.name).join(', ')}`,
    ]);
  }
  const store = SqliteEventStore.open({ path: sqliteFileOf(config) });
  try {
    const runner = new SqliteProjectionRunner(store.database, store, PROJECTION_LIST);
    const head = store.headPositionSync();
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
    runner.reset(names.length > 0 ? names : undefined);
    bar.start(Number(head), 0, { rate: 0 });
    runner.catchUp((position) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      bar.update(Number(position), { rate: Math.round(Number(position) / Math.max(seconds, 1e-3)) });
    }, 5000);
    bar.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stdout.write(
      `Rebuilt ${(names.length > 0 ? names : PROJECTION_LIST.map((p) => p.name)).join(', ')} from ${head} events in ${seconds.toFixed(2)} s (${Math.round(Number(head) / Math.max(seconds, 1e-3))} events/s)\n`,
    );
  } finally {
    void store.close();
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
}
