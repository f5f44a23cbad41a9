import { Client } from 'pg';
import type { RecordedEvent } from '../event-store.port';
import { collect, newEvents } from '../testing/contract/contract-fixtures';
import { PostgresEventStore } from './postgres-event-store.adapter';
import { createTestDatabase, type TestDatabase } from './testing/postgres-test-database';

const WRITERS = 8;
const APPENDS_PER_WRITER = 28;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database.drop());

/**
 * Makes about a quarter of the appends commit late: the trigger runs after the append's events are
 * inserted, positions assigned, and before COMMIT. Were positions taken from a sequence without the
 * append lock, a writer that drew lower positions would often commit after one that drew higher ones,
 * and a reader polling `position > last seen` would step over it for good.
 */
async function delaySomeCommits(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`
    CREATE FUNCTION commit_late() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF random() < 0.25 THEN PERFORM pg_sleep(0.001 + random() * 0.004); END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER commit_late AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION commit_late();`);
  await client.end();
}

describe('PostgresEventStore global log under concurrent writers', () => {
  it('never lets a concurrent reader or subscriber skip an event that commits late', async () => {
    const reader = await PostgresEventStore.open({ connectionString: database.url });
    await delaySomeCommits(database.url);
    // Separate stores are separate pools, as separate processes would be.
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, () =>
        PostgresEventStore.open({ connectionString: database.url, poolSize: 3 }),
      ),
    );
    const subscribed: RecordedEvent[] = [];
    const subscription = reader.subscribeToAll({}, (event) => {
      subscribed.push(event);
    });

    let writing = true;
    let appended = 0;
    const polled: RecordedEvent[] = [];
    const poll = async () => {
      let lastSeen = 0n;
      for (let more = true; more; more = writing) {
        for await (const event of reader.readAll({ fromPosition: lastSeen })) {
          polled.push(event);
          lastSeen = event.position;
        }
      }
      // One last read after the writers finished, as a reader catching up would.
      polled.push(...(await collect(reader.readAll({ fromPosition: lastSeen }))));
    };
    // Each writer keeps to its own streams so that only the global log is contended.
    const write = async (store: PostgresEventStore, writer: number) => {
      for (let n = 0; n < APPENDS_PER_WRITER; n += 1) {
        const count = 1 + ((writer + n) % 8);
        await store.append(`writer${writer}-${n % 5}`, newEvents(count), { expectedRevision: 'any' });
        appended += count;
      }
    };

    const polling = poll();
    // Some appends run in parallel within each store's pool too.
    await Promise.all(
      writers.flatMap((store, writer) => [write(store, writer), write(store, writer + WRITERS)]),
    );
    writing = false;
    await polling;

    const log = await collect(reader.readAll());
    expect(log).toHaveLength(appended);
    expect(log.map((event) => event.position)).toEqual(log.map((_, index) => BigInt(index + 1)));
    const ids = (events: readonly RecordedEvent[]) => events.map((event) => `${event.position} ${event.id}`);
    expect(ids(polled)).toEqual(ids(log));
    while (subscribed.length < log.length) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ids(subscribed)).toEqual(ids(log));

    await subscription.close();
    await Promise.all([reader, ...writers].map((store) => store.close()));
  }, 120_000);
});
