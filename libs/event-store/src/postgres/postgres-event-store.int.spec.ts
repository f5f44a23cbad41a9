import { Client } from 'pg';
import { collect, newEvent, newEvents, rejectionOf } from '../testing/contract/contract-fixtures';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { PostgresEventStore, PostgresEventStoreClosedError } from './postgres-event-store.adapter';
import { createTestDatabase, type TestDatabase } from './testing/postgres-test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database.drop());

// One database for the whole file: the contract names every stream uniquely and measures positions from
// the head it finds, so a fresh store (pool) per test over a shared log suffices, as on a real server.
describeEventStoreContract('PostgresEventStore', async () => {
  const store = await PostgresEventStore.open({ connectionString: database.url, poolSize: 4 });
  return { store, dispose: () => store.close() };
});

async function sql<Row>(statement: string, values: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<Row & object>(statement, values)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgresEventStore', () => {
  it('keeps every append across a close and reopen; opening again migrates nothing twice', async () => {
    const schema = 'reopened';
    let store = await PostgresEventStore.open({ connectionString: database.url, schema });
    const events = newEvents(3);
    await store.append('kept', events.slice(0, 2), { expectedRevision: 'no_stream' });
    const last = await store.append('kept', events.slice(2), { expectedRevision: 1n });
    await store.close();
    expect(await rejectionOf(store.append('kept', [newEvent()], { expectedRevision: 'any' }))).toBeInstanceOf(
      PostgresEventStoreClosedError,
    );

    const [second, third] = await Promise.all([
      PostgresEventStore.open({ connectionString: database.url, schema }),
      PostgresEventStore.open({ connectionString: database.url, schema }),
    ]);
    store = second;
    await third.close();
    const read = await collect(store.readStream('kept'));
    expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(await store.headPosition()).toBe(last.position);
    expect(await store.append('kept', [newEvent()], { expectedRevision: 2n })).toEqual({
      nextRevision: 3n,
      position: 4n,
    });
    const tables = await sql<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    expect(tables.map((table) => table.table_name)).toEqual(['events', 'streams']);
    await store.close();
  });

  it('keeps each schema a separate log with its own positions', async () => {
    const [a, b] = await Promise.all(
      ['log_a', 'log_b'].map((schema) => PostgresEventStore.open({ connectionString: database.url, schema })),
    );
    await a!.append('same-name', newEvents(2), { expectedRevision: 'no_stream' });
    expect(await b!.append('same-name', newEvents(1), { expectedRevision: 'no_stream' })).toEqual({
      nextRevision: 0n,
      position: 1n,
    });
    expect(await a!.headPosition()).toBe(2n);
    await Promise.all([a!.close(), b!.close()]);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    const error = await rejectionOf(
      PostgresEventStore.open({ connectionString: database.url, schema: 'x"; DROP TABLE events; --' }),
    );
    expect(error).toBeInstanceOf(RangeError);
  });

  it('parses positions and revisions past 2^53 exactly', async () => {
    const schema = 'big_positions';
    const store = await PostgresEventStore.open({ connectionString: database.url, schema });
    const beyond = 2n ** 60n;
    // A log that has already passed 2^53, seeded behind the store's back.
    const [position, revision] = [beyond.toString(), (beyond - 1n).toString()];
    await sql(`INSERT INTO ${schema}.events VALUES ($1, 'big', $2, 'seed', 'Seeded', '{}', '{}', now())`, [
      position,
      revision,
    ]);
    await sql(`INSERT INTO ${schema}.streams VALUES ('big', $2, $1)`, [position, revision]);
    const result = await store.append('big', [newEvent()], { expectedRevision: beyond - 1n });
    expect(result).toEqual({ nextRevision: beyond, position: beyond + 1n });
    const read = await collect(store.readAll({ fromPosition: beyond }));
    expect(read.map((event) => [event.position, event.revision])).toEqual([[beyond + 1n, beyond]]);
    await store.close();
  });

  it('stores payloads jsonb would refuse (a NUL character) and reads them back unchanged', async () => {
    const store = await PostgresEventStore.open({ connectionString: database.url });
    const data = { text: 'before\u0000after', lone: '\ud800' };
    const { position } = await store.append('nul-payload', [newEvent('Odd', data)], {
      expectedRevision: 'no_stream',
    });
    const [read] = await collect(store.readAll({ fromPosition: position - 1n }));
    expect(read?.data).toEqual(data);
    await store.close();
  });

  it('delivers to a subscriber the appends made through another store, by notification', async () => {
    const [reader, writer] = await Promise.all([
      PostgresEventStore.open({ connectionString: database.url }),
      PostgresEventStore.open({ connectionString: database.url }),
    ]);
    const stream = `elsewhere-${Date.now()}`;
    const delivered: bigint[] = [];
    const subscription = reader.subscribeToAll(
      { fromPosition: await reader.headPosition(), filter: { streamPrefixes: [stream] } },
      (event) => {
        delivered.push(event.revision);
      },
    );
    await subscription.caughtUp;
    await new Promise((resolve) => setTimeout(resolve, 200)); // lets the LISTEN connection open
    // Polling alone (every 500 ms) would take about 250 ms per delivery; five in under 500 ms took LISTEN.
    const startedAt = Date.now();
    for (let revision = 0n; revision < 5n; revision += 1n) {
      await writer.append(stream, [newEvent()], {
        expectedRevision: revision - 1n < 0n ? 'no_stream' : revision - 1n,
      });
      while (delivered.length <= Number(revision)) await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(Date.now() - startedAt).toBeLessThan(500);
    expect(delivered).toEqual([0n, 1n, 2n, 3n, 4n]);
    await Promise.all([reader.close(), writer.close()]);
  });
});
