/**
 * A child process for the crash-durability test: several writers append to one SQLite event store, each
 * to its own stream, and print `<stream> <revision> <event id>` only after the append was acknowledged.
 * It runs until it is killed. Usage: node append-until-killed.js <database path> [writers]
 */
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../sqlite-event-store.adapter';

async function appendForever(store: SqliteEventStore, streamId: string): Promise<never> {
  for (let revision = 0n; ; revision += 1n) {
    const id = randomUUID();
    const event = { id, type: 'CrashTestWritten', data: { revision: revision.toString() }, metadata: {} };
    await store.append(streamId, [event], {
      expectedRevision: revision === 0n ? 'no_stream' : revision - 1n,
    });
    // stdout is a pipe here, and pipe writes are synchronous on Linux: a printed line has left the process.
    process.stdout.write(`${streamId} ${revision} ${id}\n`);
  }
}

async function main(): Promise<void> {
  const [path, writers = '4'] = process.argv.slice(2);
  if (path === undefined) throw new Error('usage: append-until-killed <database path> [writers]');
  const store = SqliteEventStore.open({ path });
  await Promise.all(Array.from({ length: Number(writers) }, (_, n) => appendForever(store, `crash-${n}`)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
