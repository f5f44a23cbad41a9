import { Client } from 'pg';
import { createTestDatabase } from '@app/event-store/testing';

/** A PostgreSQL database a benchmark writes to, and how to give it back. */
export interface BenchDatabase {
  readonly url: string;
  /** Where it came from, for the report: `DATABASE_URL` or a throwaway database. */
  readonly origin: string;
  release(): Promise<void>;
}

/**
 * A fresh database from the test support (DNSCC_TEST_POSTGRES_URL, else 127.0.0.1:5432 as
 * `postgres`, else a throwaway cluster from the installed binaries), dropped on release.
 */
export async function freshDatabase(): Promise<BenchDatabase> {
  const database = await createTestDatabase();
  return {
    url: database.url,
    origin: 'a fresh database, dropped afterwards',
    release: () => database.drop(),
  };
}

/**
 * `DATABASE_URL` when set, which must hold no events yet (the benchmark will not mix its log with
 * anybody's) and is left as the run leaves it; otherwise a fresh database.
 */
export async function rebuildDatabase(env: NodeJS.ProcessEnv = process.env): Promise<BenchDatabase> {
  const given = env['DATABASE_URL']?.trim();
  if (!given) return freshDatabase();
  const events = await eventCount(given);
  if (events > 0) {
    throw new Error(
      `DATABASE_URL already holds ${events} events; point it at an empty database, or unset it for a throwaway one`,
    );
  }
  return {
    url: given,
    origin: 'DATABASE_URL (kept, with the seeded log and read models)',
    release: () => Promise.resolve(),
  };
}

async function eventCount(url: string): Promise<number> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    // The table name is resolved when a statement is planned, so its existence is asked first.
    const table = await client.query<{ t: string | null }>("SELECT to_regclass('events')::text AS t");
    if (table.rows[0]?.t === null) return 0;
    const { rows } = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM events');
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The server's version and the settings that decide how fast a rebuild can commit. */
export async function postgresServerInfo(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const info: Record<string, string> = {};
    for (const setting of [
      'server_version',
      'shared_buffers',
      'synchronous_commit',
      'fsync',
      'wal_level',
      'max_wal_size',
    ]) {
      const { rows } = await client.query<Record<string, string>>(`SHOW ${setting}`);
      info[setting] = Object.values(rows[0] ?? {})[0] ?? '?';
    }
    return info;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Bytes the database takes on disk: tables, indexes and TOAST of the log and the read models. */
export async function databaseBytes(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ bytes: string }>(
      'SELECT pg_database_size(current_database())::text AS bytes',
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end().catch(() => undefined);
  }
}
