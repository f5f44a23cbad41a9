import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../event-store.port';
import { collect, newEvent, newEvents, rejectionOf } from '../testing/contract/contract-fixtures';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreClosedError, SqliteEventStore } from './sqlite-event-store.adapter';

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'dnscc-sqlite-event-store-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

let files = 0;
const newDatabasePath = () => join(directory, `events-${(files += 1)}.db`);

describeEventStoreContract('SqliteEventStore', () => {
  const store = SqliteEventStore.open({ path: newDatabasePath() });
  return Promise.resolve({ store, dispose: () => store.close() });
});

describe('SqliteEventStore', () => {
  let path: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    path = newDatabasePath();
    store = SqliteEventStore.open({ path });
  });
  afterEach(() => store.close());

  it('opens the file in WAL mode with synchronous FULL unless told NORMAL', async () => {
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('synchronous', { simple: true })).toBe(2);
    const relaxed = SqliteEventStore.open({ path: newDatabasePath(), synchronous: 'NORMAL' });
    expect(relaxed.database.pragma('synchronous', { simple: true })).toBe(1);
    await relaxed.close();
  });

  describe('inline hooks', () => {
    it('run inside each append transaction; a throw rejects only that append of the batch', async () => {
      const db = store.database;
      db.exec('CREATE TABLE event_counts (stream_id TEXT PRIMARY KEY, events INTEGER NOT NULL)');
      const recordCount = db.prepare<[string, number]>('INSERT INTO event_counts VALUES (?, ?)');
      const countStored = db.prepare<[string], { n: number }>(
        'SELECT COUNT(*) AS n FROM events WHERE stream_id = ?',
      );
      const hooked: RecordedEvent[] = [];
      const storedWhenHooked: number[] = [];
      store.addInlineHook((events) => {
        const streamId = events[0]?.streamId ?? 'none';
        hooked.push(...events);
        storedWhenHooked.push(db.inTransaction ? (countStored.get(streamId)?.n ?? 0) : -1);
        recordCount.run(streamId, events.length);
        if (streamId === 'incident-b') throw new Error('projection refused incident-b');
      });

      const commitsBefore = store.stats().commits;
      const outcomes = await Promise.allSettled([
        store.append('incident-a', newEvents(2), { expectedRevision: 'no_stream' }),
        store.append('incident-b', newEvents(3), { expectedRevision: 'no_stream' }),
        store.append('incident-c', newEvents(1), { expectedRevision: 'no_stream' }),
      ]);

      expect(store.stats().commits - commitsBefore).toBe(1);
      expect(outcomes).toEqual([
        { status: 'fulfilled', value: { nextRevision: 1n, position: 2n } },
        { status: 'rejected', reason: new Error('projection refused incident-b') },
        { status: 'fulfilled', value: { nextRevision: 0n, position: 3n } },
      ]);
      expect(storedWhenHooked).toEqual([2, 3, 1]);
      expect(db.prepare('SELECT stream_id, events FROM event_counts ORDER BY stream_id').all()).toEqual([
        { stream_id: 'incident-a', events: 2 },
        { stream_id: 'incident-c', events: 1 },
      ]);
      const log = await collect(store.readAll());
      expect(log.map((event) => event.streamId)).toEqual(['incident-a', 'incident-a', 'incident-c']);
      expect(hooked.filter((event) => event.streamId !== 'incident-b')).toEqual(log);
    });
  });

  describe('group commit', () => {
    it('commits 200 concurrent appends in a couple of transactions', async () => {
      const before = store.stats();
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          store.append(`stream-${index}`, [newEvent()], { expectedRevision: 'no_stream' }),
        ),
      );
      const after = store.stats();
      expect(after.appends - before.appends).toBe(200);
      expect(after.commits - before.commits).toBeLessThanOrEqual(2);
      expect(new Set(results.map((result) => result.position)).size).toBe(200);
    });

    it('commits a batch as soon as it holds maxBatchSize appends, and never more', async () => {
      const small = SqliteEventStore.open({ path: newDatabasePath(), maxBatchSize: 50 });
      const append = (index: number) => small.append(`s-${index}`, [newEvent()], { expectedRevision: 'any' });
      const appends = Array.from({ length: 120 }, (_, index) => append(index));
      // Two full batches were written while the appends were being called; the rest waits for the flush.
      expect(small.stats()).toEqual({ commits: 2, appends: 100 });
      await Promise.all(appends);
      expect(small.stats()).toEqual({ commits: 3, appends: 120 });
      await small.close();
    });

    it('shows each append of a batch the effects of the earlier ones', async () => {
      const outcomes = await Promise.allSettled([
        store.append('shared', [newEvent()], { expectedRevision: 'no_stream' }),
        store.append('shared', [newEvent()], { expectedRevision: 0n }),
        store.append('shared', [newEvent()], { expectedRevision: 'no_stream' }),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      expect(outcomes[2]).toMatchObject({ reason: { actual: 1n } });
    });

    it('rejects every append of a batch whose COMMIT fails, and recovers for the next batch', async () => {
      const db = store.database;
      db.pragma('foreign_keys = ON');
      db.exec(`CREATE TABLE parent (id TEXT PRIMARY KEY);
        CREATE TABLE child (parent_id TEXT REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)`);
      // A deferred foreign key is only checked at COMMIT: the hook makes the commit itself fail.
      const orphan = db.prepare<[string]>('INSERT INTO child VALUES (?)');
      store.addInlineHook((events) => {
        if (events[0]?.streamId === 'orphan') orphan.run('missing');
      });
      const outcomes = await Promise.allSettled([
        store.append('fine', [newEvent()], { expectedRevision: 'no_stream' }),
        store.append('orphan', [newEvent()], { expectedRevision: 'no_stream' }),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      expect(outcomes[0]).toMatchObject({ reason: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' } });
      expect(await store.headPosition()).toBe(0n);
      expect(db.inTransaction).toBe(false);
      expect(await store.append('fine', [newEvent()], { expectedRevision: 'no_stream' })).toEqual({
        nextRevision: 0n,
        position: 1n,
      });
    });
  });

  describe('sharing one file', () => {
    it('keeps one gap-free log when two stores append to it concurrently', async () => {
      const other = SqliteEventStore.open({ path });
      const writes = [store, other].flatMap((writer) =>
        Array.from({ length: 40 }, (_, n) =>
          writer.append(`shared-${n % 4}`, newEvents(2), { expectedRevision: 'any' }),
        ),
      );
      await Promise.all(writes);
      const log = await collect(other.readAll());
      expect(log.map((event) => event.position)).toEqual(
        Array.from({ length: 160 }, (_, i) => BigInt(i + 1)),
      );
      for (let n = 0; n < 4; n += 1) {
        const revisions = (await collect(store.readStream(`shared-${n}`))).map((event) => event.revision);
        expect(revisions).toEqual(Array.from({ length: 40 }, (_, i) => BigInt(i)));
      }
      await other.close();
    });

    it('delivers to a subscriber the appends made through another connection', async () => {
      const other = SqliteEventStore.open({ path });
      const delivered: string[] = [];
      let resolveThird: () => void = () => undefined;
      const third = new Promise<void>((resolve) => (resolveThird = resolve));
      const subscription = store.subscribeToAll({}, (event) => {
        delivered.push(event.id);
        if (delivered.length === 3) resolveThird();
      });
      await subscription.caughtUp;
      const events = newEvents(3);
      await other.append('written-elsewhere', events.slice(0, 2), { expectedRevision: 'no_stream' });
      await other.append('written-elsewhere', events.slice(2), { expectedRevision: 1n });
      // Nothing in this store committed, so only its poll of the file can find these events.
      await third;
      expect(delivered).toEqual(events.map((event) => event.id));
      expect(store.stats().commits).toBe(0);
      await other.close();
    });
  });

  describe('close', () => {
    it('writes pending appends first, and a reopened file holds everything', async () => {
      await store.append('kept', newEvents(3), { expectedRevision: 'no_stream' });
      const pending = store.append('kept', [newEvent()], { expectedRevision: 2n });
      await store.close();
      expect(await pending).toEqual({ nextRevision: 3n, position: 4n });
      expect(
        await rejectionOf(store.append('kept', [newEvent()], { expectedRevision: 'any' })),
      ).toBeInstanceOf(EventStoreClosedError);

      store = SqliteEventStore.open({ path });
      expect((await collect(store.readStream('kept'))).map((event) => event.revision)).toEqual([
        0n,
        1n,
        2n,
        3n,
      ]);
      expect(await store.headPosition()).toBe(4n);
      expect(await store.append('kept', [newEvent()], { expectedRevision: 3n })).toEqual({
        nextRevision: 4n,
        position: 5n,
      });
    });
  });
});
