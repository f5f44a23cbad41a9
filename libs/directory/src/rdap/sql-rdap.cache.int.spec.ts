import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { PostgresReadModelSql, SqlExecutor, SqliteReadModelSql, type ReadModelSql } from '@app/event-store';
// The event store's test support is not part of its entry; specs may reach it (dependency rules skip them).
import { createTestDatabase } from '@app/event-store/testing';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import { rdapCacheEntry } from './rdap-cache';
import { SqlRdapCache } from './sql-rdap.cache';
import { FakeTime } from './testing/fake-time';
import { fixtureRdapClient } from './testing/fixture-rdap-client';
import { RdapFixtureServer } from './testing/rdap-fixture.server';

/** A database the cache lives in, and the same database seen by a new process. */
interface CacheDatabase {
  readonly sql: ReadModelSql;
  reopen(): Promise<ReadModelSql>;
  close(): Promise<void>;
}

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'dnscc-rdap-cache-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});
let files = 0;
const newCachePath = () => join(directory, `rdap-cache-${(files += 1)}.db`);

function sqliteFile(path = newCachePath()): CacheDatabase {
  const open = new Set<Database.Database>();
  const connect = (): ReadModelSql => {
    const database = new Database(path);
    open.add(database);
    return new SqliteReadModelSql(new SqlExecutor(database));
  };
  return {
    sql: connect(),
    reopen: () => {
      for (const database of open) database.close();
      open.clear();
      return Promise.resolve(connect());
    },
    close: () => {
      for (const database of open) database.close();
      return Promise.resolve();
    },
  };
}

async function postgresDatabase(): Promise<CacheDatabase> {
  const database = await createTestDatabase();
  let sql = PostgresReadModelSql.connect(database.url, { max: 2 });
  return {
    sql,
    reopen: async () => {
      await sql.close();
      sql = PostgresReadModelSql.connect(database.url, { max: 2 });
      return sql;
    },
    close: async () => {
      await sql.close();
      await database.drop();
    },
  };
}

describeSqlRdapCache('SQLite', () => Promise.resolve(sqliteFile()));
describeSqlRdapCache('PostgreSQL', postgresDatabase);

function describeSqlRdapCache(engine: string, openDatabase: () => Promise<CacheDatabase>): void {
  describe(`SqlRdapCache on ${engine}`, () => {
    const fetchedAt = new Date('2026-11-27T10:00:00.000Z');
    let database: CacheDatabase;
    beforeEach(async () => {
      database = await openDatabase();
    });
    afterEach(() => database.close());

    it('stores, replaces and expires entries that survive reopening', async () => {
      const cache = new SqlRdapCache(database.sql);
      const entry = (url: string, status: 200 | 404, body: string) =>
        rdapCacheEntry({ url: `https://r.example/domain/${url}`, status, body }, fetchedAt);
      await cache.put(entry('a.example', 200, '{"a":1}'));
      await cache.put(entry('a.example', 200, '{"a":2}'));
      await cache.put(entry('b.example', 404, ''));

      const reopened = new SqlRdapCache(await database.reopen());
      expect(await reopened.get('https://r.example/domain/a.example', fetchedAt)).toEqual({
        url: 'https://r.example/domain/a.example',
        status: 200,
        body: '{"a":2}',
        fetchedAt: '2026-11-27T10:00:00.000Z',
        expiresAt: '2026-11-28T10:00:00.000Z',
      });
      expect(
        await reopened.get('https://r.example/domain/b.example', new Date('2026-11-27T10:59:59.999Z')),
      ).toMatchObject({ status: 404 });
      expect(
        await reopened.get('https://r.example/domain/b.example', new Date('2026-11-27T11:00:00.000Z')),
      ).toBeNull();
      expect(await reopened.prune(new Date('2026-11-27T11:00:00.000Z'))).toBe(1);
      expect(await reopened.get('https://r.example/domain/c.example', fetchedAt)).toBeNull();
    });

    it('ignores a row whose status it would never have stored', async () => {
      const cache = new SqlRdapCache(database.sql);
      await cache.ensure();
      await database.sql.run(
        CompiledQuery.raw('INSERT INTO rdap_cache VALUES (?, ?, ?, ?, ?)', [
          'https://r.example/x',
          503,
          '',
          '2026-11-27T10:00:00.000Z',
          '2099-01-01T00:00:00.000Z',
        ]),
      );
      expect(await cache.get('https://r.example/x', fetchedAt)).toBeNull();
    });

    it('creates its table once, whichever call comes first', async () => {
      const caches = [new SqlRdapCache(database.sql), new SqlRdapCache(database.sql)];
      await Promise.all([caches[0]?.get('https://r.example/y', fetchedAt), caches[1]?.prune(fetchedAt)]);
      await caches[1]?.put(rdapCacheEntry({ url: 'https://r.example/y', status: 404, body: '' }, fetchedAt));
      expect(await caches[0]?.get('https://r.example/y', fetchedAt)).toMatchObject({ status: 404 });
    });
  });
}

describeWithSharedData('RdapClient with a SQLite cache file', () => {
  let server: RdapFixtureServer;
  beforeEach(async () => {
    server = await RdapFixtureServer.start();
    server.route('fr/domain/afnic.fr', {
      body: readFileSync(sharedDataPath('rdap', 'responses', 'afnic-fr__afnic.fr.json'), 'utf8'),
    });
  });
  afterEach(() => server.close());

  it('answers from the file after a restart, until the entry expires', async () => {
    const file = sqliteFile();
    const time = new FakeTime();
    const first = fixtureRdapClient(server, { time, cache: new SqlRdapCache(file.sql) });
    const answer = await first.client.lookupDomain('afnic.fr');
    expect(answer).toMatchObject({ kind: 'found', fetchedAt: '2026-11-27T10:00:00.000Z' });

    time.advance(3_600_000);
    const second = fixtureRdapClient(server, { time, cache: new SqlRdapCache(await file.reopen()) });
    expect(await second.client.lookupDomain('afnic.fr')).toEqual(answer);
    expect(server.count('fr/domain/afnic.fr')).toBe(1);

    time.advance(23 * 3_600_000);
    expect(await second.client.lookupDomain('afnic.fr')).toMatchObject({
      kind: 'found',
      fetchedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(server.count('fr/domain/afnic.fr')).toBe(2);
    await file.close();
  });

  it('remembers a 404 for an hour and a failure not at all', async () => {
    const file = sqliteFile();
    server.route('fr/domain/down.fr', { status: 503 });
    const { client, time } = fixtureRdapClient(server, { cache: new SqlRdapCache(file.sql) });
    await client.lookupDomain('missing.fr');
    time.advance(3_599_999);
    await client.lookupDomain('missing.fr');
    expect(server.count('fr/domain/missing.fr')).toBe(1);
    time.advance(1);
    await client.lookupDomain('missing.fr');
    expect(server.count('fr/domain/missing.fr')).toBe(2);

    await client.lookupDomain('down.fr');
    await client.lookupDomain('down.fr');
    expect(server.count('fr/domain/down.fr')).toBe(6);
    await file.close();
  });
});
