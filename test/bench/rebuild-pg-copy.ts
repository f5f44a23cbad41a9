import Database from 'better-sqlite3';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '@app/event-store';
import { startProgress } from './progress-line';
import { APPENDS_PER_ROUND, type RebuildBenchConfig } from './rebuild-config';
import { type SeedResult, seedPostgresByAppends } from './rebuild-seed';

const ROWS_PER_INSERT = 5000;
const INSERTS_IN_FLIGHT = 2;

interface SqliteEventRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

/**
 * One multi-row INSERT per page: the columns travel as arrays and `unnest` turns them back into rows,
 * so 5,000 events are one statement with eight parameters. Positions, revisions and ids are the
 * SQLite log's, so both stores hold the same log in the same order.
 */
const INSERT_EVENTS = `
  INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, recorded_at)
  SELECT position, stream_id, revision, event_id, type, data::json, metadata::json, recorded_at
  FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[],
              $8::timestamptz[])
       AS e (position, stream_id, revision, event_id, type, data, metadata, recorded_at)`;

/** Each stream's head, as the adapter keeps it for its expected-revision check. */
const INSERT_STREAMS = `
  INSERT INTO streams (stream_id, last_revision, last_position)
  SELECT stream_id, max(revision), max(position) FROM events GROUP BY stream_id`;

/**
 * Copies the seeded SQLite log into the PostgreSQL adapter's `events` and `streams` tables (created
 * by `PostgresEventStore.open`, emptied first), for when appending it would take too long.
 */
export async function copySqliteLogToPostgres(sqlitePath: string, url: string): Promise<SeedResult> {
  await (await PostgresEventStore.open({ connectionString: url })).close();
  const pool = new Pool({
    connectionString: url,
    max: INSERTS_IN_FLIGHT,
    application_name: 'dnscc-bench-copy',
  });
  const sqlite = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const started = performance.now();
  try {
    await pool.query('TRUNCATE events, streams');
    const total = (sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const page = sqlite.prepare<[number, number], SqliteEventRow>(
      'SELECT position, stream_id, revision, event_id, type, data, metadata, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT ?',
    );
    const progress = startProgress('copy to postgres', total);
    const inFlight = new Set<Promise<unknown>>();
    let after = 0;
    let copied = 0;
    try {
      for (;;) {
        const rows = page.all(after, ROWS_PER_INSERT);
        const last = rows.at(-1);
        if (last === undefined) break;
        after = last.position;
        const insert = pool.query(INSERT_EVENTS, columnsOf(rows)).then(() => {
          copied += rows.length;
          progress.update(copied);
        });
        inFlight.add(insert);
        void insert.finally(() => inFlight.delete(insert)).catch(() => undefined);
        if (inFlight.size >= INSERTS_IN_FLIGHT) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    } finally {
      progress.stop();
    }
    await pool.query(INSERT_STREAMS);
    const s = Math.round((performance.now() - started) / 10) / 100;
    return {
      method: `bulk copy of the SQLite log: multi-row INSERT ... SELECT FROM unnest(...), ${ROWS_PER_INSERT} events each`,
      events: copied,
      appends: 0,
      seconds: s,
      eventsPerS: Math.round(copied / s),
    };
  } finally {
    sqlite.close();
    await pool.end();
  }
}

function columnsOf(rows: readonly SqliteEventRow[]): unknown[] {
  return [
    rows.map((r) => r.position),
    rows.map((r) => r.stream_id),
    rows.map((r) => r.revision),
    rows.map((r) => r.event_id),
    rows.map((r) => r.type),
    rows.map((r) => r.data),
    rows.map((r) => r.metadata),
    rows.map((r) => r.recorded_at),
  ];
}

/**
 * A log built up over months has been vacuumed and analysed by autovacuum; a freshly loaded one has
 * not, and its first reader would pay for setting hint bits on every page. Both seeding paths end here.
 */
export async function settlePostgresLog(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    await pool.query('VACUUM (ANALYZE) events, streams');
  } finally {
    await pool.end();
  }
}

/**
 * Appends the log to PostgreSQL, or copies the seeded SQLite log when appending would outlast the
 * budget; either way the log is then vacuumed and analysed.
 */
export async function seedPostgres(
  config: RebuildBenchConfig,
  url: string,
  sqliteFile: string,
): Promise<SeedResult> {
  const log = { events: config.events, openIncidents: config.openIncidents, perRound: APPENDS_PER_ROUND };
  const attempt = await seedPostgresByAppends(url, log, config.seedBudgetS);
  let seed: SeedResult;
  if (attempt.kind === 'seeded') {
    seed = attempt.result;
  } else {
    process.stdout.write(
      `PostgreSQL appends: ${attempt.events} events in ${attempt.seconds} s, so the whole log would take about ` +
        `${Math.round(attempt.projectedS / 60)} min (budget ${config.seedBudgetS} s): seeding PostgreSQL by copying ` +
        "the SQLite log in bulk into the adapter's events and streams tables instead\n",
    );
    seed = await copySqliteLogToPostgres(sqliteFile, url);
    seed = {
      ...seed,
      method: `${seed.method}; appends measured first: ${Math.round(attempt.events / attempt.seconds)} events/s`,
    };
  }
  await settlePostgresLog(url);
  return seed;
}

/** The events table with its indexes and TOAST, in MiB. */
export async function postgresLogMiB(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      "SELECT pg_total_relation_size('events')::text AS bytes",
    );
    return Math.round(Number(rows[0]?.bytes ?? 0) / 2 ** 20);
  } finally {
    await client.end();
  }
}
