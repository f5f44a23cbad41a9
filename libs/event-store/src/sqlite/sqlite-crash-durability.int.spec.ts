import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { collect, newEvent } from '../testing/contract/contract-fixtures';
import { SqliteEventStore } from './sqlite-event-store.adapter';

/** Compiled by jest's globalSetup (`node scripts/build.js`). */
const APPENDER = join(
  __dirname,
  '../../../../dist/libs/event-store/src/sqlite/testing/append-until-killed.js',
);
const ACKS_BEFORE_KILL = 400;

interface Ack {
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
}

function parseAck(line: string): Ack {
  const [streamId, revision, id] = line.split(' ');
  if (streamId === undefined || revision === undefined || id === undefined)
    throw new Error(`Bad ack line: ${line}`);
  return { streamId, revision: BigInt(revision), id };
}

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'dnscc-sqlite-crash-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

it('keeps every acknowledged append of a writer killed with SIGKILL, while another process writes too', async () => {
  if (!existsSync(APPENDER)) throw new Error(`${APPENDER} is missing: run node scripts/build.js`);
  const path = join(directory, 'crash.db');
  const parent = SqliteEventStore.open({ path });
  const child = spawn(process.execPath, [APPENDER, path, '4'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let childErrors = '';
  child.stderr.on('data', (chunk: Buffer) => (childErrors += chunk.toString()));
  const exited = new Promise<string | number | null>((resolve) =>
    child.on('close', (code, signal) => {
      resolve(signal ?? code);
    }),
  );

  const acks: Ack[] = [];
  const enoughAcks = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      acks.push(parseAck(line));
      if (acks.length === ACKS_BEFORE_KILL) resolve();
    });
  });

  // The parent appends to the same file meanwhile, a little apart so that it contends for the write
  // lock without starving the child: waiting on the other process's lock must not fail either side.
  let parentRevision = -1n;
  const stopParent = new AbortController();
  const parentWrites = (async () => {
    while (!stopParent.signal.aborted) {
      const expectedRevision = parentRevision < 0n ? 'no_stream' : parentRevision;
      parentRevision = (await parent.append('parent', [newEvent()], { expectedRevision })).nextRevision;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();

  try {
    const earlyExit = exited.then((status) => {
      throw new Error(`The appender exited on its own (${String(status)}): ${childErrors}`);
    });
    await Promise.race([enoughAcks, earlyExit, parentWrites]);
    child.kill('SIGKILL');
    // 'close' follows the end of stdout, so every line the child printed has been parsed by now.
    expect(await exited).toBe('SIGKILL');
  } finally {
    child.kill('SIGKILL');
    stopParent.abort();
    await parentWrites;
    await parent.close();
  }

  const reopened = SqliteEventStore.open({ path });
  expect(reopened.database.pragma('integrity_check', { simple: true })).toBe('ok');
  const streams = [...new Set(acks.map((ack) => ack.streamId))];
  expect(streams.sort()).toEqual(['crash-0', 'crash-1', 'crash-2', 'crash-3']);
  for (const streamId of streams) {
    const acked = acks.filter((ack) => ack.streamId === streamId).map((ack) => ack.id);
    // The file may hold more: appends committed after the last line that reached this process.
    const stored = (await collect(reopened.readStream(streamId))).map((event) => event.id);
    expect(stored.slice(0, acked.length)).toEqual(acked);
  }
  const parentStream = await collect(reopened.readStream('parent'));
  expect(parentStream.map((event) => event.revision)).toEqual(
    Array.from({ length: Number(parentRevision) + 1 }, (_, revision) => BigInt(revision)),
  );
  await reopened.close();
}, 20_000);
