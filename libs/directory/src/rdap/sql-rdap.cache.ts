import {
  prepareQuery,
  type ReadModelSchema,
  type ReadModelSql,
  readModelQueryBuilder,
} from '@app/event-store';
import type { CachedRdapResponse, RdapCache } from './rdap-cache';

interface RdapCacheTable {
  url: string;
  status: number;
  body: string;
  fetched_at: string;
  expires_at: string;
}

/** Not a projection's table: a rebuild keeps it, and it is created on first use. */
export const RDAP_CACHE_SCHEMA: ReadModelSchema = {
  sqlite: `
CREATE TABLE IF NOT EXISTS rdap_cache (
  url TEXT PRIMARY KEY,
  status INTEGER,
  body TEXT,
  fetched_at TEXT,
  expires_at TEXT
);
CREATE INDEX IF NOT EXISTS rdap_cache_expires_at ON rdap_cache (expires_at);
`,
  postgres: `
CREATE TABLE IF NOT EXISTS rdap_cache (
  url TEXT PRIMARY KEY,
  status INTEGER,
  body TEXT,
  fetched_at TEXT,
  expires_at TEXT COLLATE "C"
);
CREATE INDEX IF NOT EXISTS rdap_cache_expires_at ON rdap_cache (expires_at);
`,
  tables: [],
};

const db = readModelQueryBuilder<{ rdap_cache: RdapCacheTable }>();

/** Compiled once: every RDAP lookup reads the cache, and every answer is stored. */
const selectFresh = prepareQuery(2, (url: string, now: string) =>
  db
    .selectFrom('rdap_cache')
    .select(['url', 'status', 'body', 'fetched_at', 'expires_at'])
    .where('url', '=', url)
    .where('expires_at', '>', now),
);
const upsert = prepareQuery(
  5,
  (url: string, status: number, body: string, fetchedAt: string, expiresAt: string) =>
    db
      .insertInto('rdap_cache')
      .values({ url, status, body, fetched_at: fetchedAt, expires_at: expiresAt })
      .onConflict((oc) =>
        oc.column('url').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          body: eb.ref('excluded.body'),
          fetched_at: eb.ref('excluded.fetched_at'),
          expires_at: eb.ref('excluded.expires_at'),
        })),
      ),
);
const deleteExpired = prepareQuery(1, (now: string) =>
  db.deleteFrom('rdap_cache').where('expires_at', '<=', now),
);

/**
 * RDAP answers kept in the read-model database (SQLite or PostgreSQL), so a restart does not
 * re-query every registry. Instants are stored as `Date#toISOString()` text, whose fixed width makes
 * text comparison a time comparison (byte order on both engines: PostgreSQL's column is "C").
 */
export class SqlRdapCache implements RdapCache {
  private ready: Promise<void> | null = null;

  constructor(private readonly sql: ReadModelSql) {}

  /**
   * Creates `rdap_cache` when it is missing, once per instance. Lazy, and tried again after a
   * failure, so that two processes starting at once cost at most a cache miss, never a start.
   */
  ensure(): Promise<void> {
    this.ready ??= this.sql.exec(RDAP_CACHE_SCHEMA[this.sql.dialect]).catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  async get(url: string, now: Date): Promise<CachedRdapResponse | null> {
    await this.ensure();
    const row = await this.sql.firstPrepared(selectFresh, [url, now.toISOString()]);
    // Another writer of the table could leave a status we never store; treat it as a miss.
    if (row === undefined || (row.status !== 200 && row.status !== 404)) return null;
    return {
      url: row.url,
      status: row.status,
      body: row.body,
      fetchedAt: row.fetched_at,
      expiresAt: row.expires_at,
    };
  }

  async put(entry: CachedRdapResponse): Promise<void> {
    await this.ensure();
    await this.sql.runPrepared(upsert, [
      entry.url,
      entry.status,
      entry.body,
      entry.fetchedAt,
      entry.expiresAt,
    ]);
  }

  /** Delete entries expired at `now`; returns how many went. Expired rows are otherwise only skipped. */
  async prune(now: Date): Promise<number> {
    await this.ensure();
    return this.sql.runPrepared(deleteExpired, [now.toISOString()]);
  }
}
