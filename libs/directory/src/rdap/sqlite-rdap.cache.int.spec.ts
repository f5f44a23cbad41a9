import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import { rdapCacheEntry } from './rdap-cache';
import { SqliteRdapCache } from './sqlite-rdap.cache';
import { FakeTime } from './testing/fake-time';
import { fixtureRdapClient } from './testing/fixture-rdap-client';
import { RdapFixtureServer } from './testing/rdap-fixture.server';

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'dnscc-rdap-cache-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});
let files = 0;
const newCachePath = () => join(directory, `rdap-cache-${(files += 1)}.db`);

describe('SqliteRdapCache', () => {
  const fetchedAt = new Date('2026-11-27T10:00:00.000Z');

  it('stores, replaces and expires entries in a file that survives reopening', () => {
    const path = newCachePath();
    const first = new Database(path);
    const cache = new SqliteRdapCache(first);
    cache.put(
      rdapCacheEntry({ url: 'https://r.example/domain/a.example', status: 200, body: '{"a":1}' }, fetchedAt),
    );
    cache.put(
      rdapCacheEntry({ url: 'https://r.example/domain/a.example', status: 200, body: '{"a":2}' }, fetchedAt),
    );
    cache.put(
      rdapCacheEntry({ url: 'https://r.example/domain/b.example', status: 404, body: '' }, fetchedAt),
    );
    first.close();

    const reopened = new SqliteRdapCache(new Database(path));
    expect(reopened.get('https://r.example/domain/a.example', fetchedAt)).toEqual({
      url: 'https://r.example/domain/a.example',
      status: 200,
      body: '{"a":2}',
      fetchedAt: '2026-11-27T10:00:00.000Z',
      expiresAt: '2026-11-28T10:00:00.000Z',
    });
    expect(
      reopened.get('https://r.example/domain/b.example', new Date('2026-11-27T10:59:59.999Z')),
    ).toMatchObject({
      status: 404,
    });
    expect(
      reopened.get('https://r.example/domain/b.example', new Date('2026-11-27T11:00:00.000Z')),
    ).toBeNull();
    expect(reopened.prune(new Date('2026-11-27T11:00:00.000Z'))).toBe(1);
    expect(reopened.get('https://r.example/domain/c.example', fetchedAt)).toBeNull();
  });

  it('ignores a row whose status it would never have stored', () => {
    const database = new Database(newCachePath());
    const cache = new SqliteRdapCache(database);
    database
      .prepare('INSERT INTO rdap_cache VALUES (?, ?, ?, ?, ?)')
      .run('https://r.example/x', 503, '', '2026-11-27T10:00:00.000Z', '2099-01-01T00:00:00.000Z');
    expect(cache.get('https://r.example/x', fetchedAt)).toBeNull();
    database.close();
  });
});

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
    const path = newCachePath();
    const time = new FakeTime();
    const firstProcess = new Database(path);
    const first = fixtureRdapClient(server, { time, cache: new SqliteRdapCache(firstProcess) });
    const answer = await first.client.lookupDomain('afnic.fr');
    expect(answer).toMatchObject({ kind: 'found', fetchedAt: '2026-11-27T10:00:00.000Z' });
    firstProcess.close();

    time.advance(3_600_000);
    const secondProcess = new Database(path);
    const second = fixtureRdapClient(server, { time, cache: new SqliteRdapCache(secondProcess) });
    expect(await second.client.lookupDomain('afnic.fr')).toEqual(answer);
    expect(server.count('fr/domain/afnic.fr')).toBe(1);

    time.advance(23 * 3_600_000);
    expect(await second.client.lookupDomain('afnic.fr')).toMatchObject({
      kind: 'found',
      fetchedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(server.count('fr/domain/afnic.fr')).toBe(2);
    secondProcess.close();
  });

  it('remembers a 404 for an hour and a failure not at all', async () => {
    const database = new Database(newCachePath());
    server.route('fr/domain/down.fr', { status: 503 });
    const { client, time } = fixtureRdapClient(server, { cache: new SqliteRdapCache(database) });
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
    database.close();
  });
});
