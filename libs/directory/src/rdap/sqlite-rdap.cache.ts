import type Database from 'better-sqlite3';
import type { CachedRdapResponse, RdapCache } from './rdap-cache';

interface RdapCacheRow {
  readonly url: string;
  readonly status: number;
  readonly body: string;
  readonly fetched_at: string;
  readonly expires_at: string;
}

/**
 * RDAP answers kept in a SQLite table, so a restart does not re-query every registry. Instants are
 * stored as `Date#toISOString()` text, whose fixed width makes text comparison a time comparison.
 */
export class SqliteRdapCache implements RdapCache {
  private readonly select: Database.Statement<[string, string], RdapCacheRow>;
  private readonly upsert: Database.Statement<[string, number, string, string, string]>;
  private readonly deleteExpired: Database.Statement<[string]>;

  /** Creates `rdap_cache` in `database` when it is missing. */
  constructor(database: Database.Database) {
    database.exec(`
      CREATE TABLE IF NOT EXISTS rdap_cache (
        url TEXT PRIMARY KEY,
        status INTEGER,
        body TEXT,
        fetched_at TEXT,
        expires_at TEXT
      );
      CREATE INDEX IF NOT EXISTS rdap_cache_expires_at ON rdap_cache (expires_at);
    `);
    this.select = database.prepare<[string, string], RdapCacheRow>(
      'SELECT url, status, body, fetched_at, expires_at FROM rdap_cache WHERE url = ? AND expires_at > ?',
    );
    this.upsert = database.prepare<[string, number, string, string, string]>(
      `INSERT INTO rdap_cache (url, status, body, fetched_at, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET status = excluded.status, body = excluded.body,
         fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`,
    );
    this.deleteExpired = database.prepare<[string]>('DELETE FROM rdap_cache WHERE expires_at <= ?');
  }

  get(url: string, now: Date): CachedRdapResponse | null {
    const row = this.select.get(url, now.toISOString());
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

  put(entry: CachedRdapResponse): void {
    this.upsert.run(entry.url, entry.status, entry.body, entry.fetchedAt, entry.expiresAt);
  }

  /** Delete entries expired at `now`; returns how many went. Expired rows are otherwise only skipped. */
  prune(now: Date): number {
    return this.deleteExpired.run(now.toISOString()).changes;
  }
}
