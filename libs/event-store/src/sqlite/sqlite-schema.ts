import Database from 'better-sqlite3';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** How long a writer waits for another connection's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * `position` is the rowid, so SQLite hands out max(position) + 1 while the writer holds the database's
 * single write lock: positions are therefore allocated in commit order and a reader of
 * `position > checkpoint` can never skip an event that commits later (the Postgres sequence pitfall).
 * `streams` keeps each stream's head so an expected-revision check is one primary-key lookup.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY,
    stream_id   TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    event_id    TEXT    NOT NULL UNIQUE,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  );
  CREATE TABLE IF NOT EXISTS streams (
    stream_id     TEXT    PRIMARY KEY,
    last_revision INTEGER NOT NULL,
    last_position INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/** Opens (creating if needed) an event store file with the pragmas its durability promise rests on. */
export function openEventStoreDatabase(path: string, synchronous: SqliteSynchronous): Database.Database {
  // The timeout (SQLite's busy_timeout) applies from the first statement: even the WAL switch may meet
  // another process's lock.
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // FULL fsyncs the WAL on every commit, so an acknowledged append survives power loss (ADR 0002).
    db.pragma(`synchronous = ${synchronous}`);
    // IMMEDIATE takes the write lock up front, so two processes opening a new file at once do not race.
    db.exec('BEGIN IMMEDIATE');
    db.exec(SCHEMA);
    db.exec('COMMIT');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
