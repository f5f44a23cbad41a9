import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AppConfig } from '@app/core';
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.adapter';
import { LocalLeases } from './leases/lease';
import { PostgresAdvisoryLeases } from './leases/postgres-advisory-leases';
import type { Projection } from './projections/projection';
import { SqlExecutor } from './projections/sql-executor';
import { PostgresEventStore } from './postgres/postgres-event-store.adapter';
import { EmbeddedReadModelRuntime } from './read-model/embedded-read-model.runtime';
import { LeasedReadModelRuntime } from './read-model/leased-read-model.runtime';
import { PostgresReadModelSql } from './read-model/postgres-read-model-sql';
import type { ReadModelRuntime } from './read-model/read-model-runtime';
import { SqliteReadModelSql } from './read-model/sqlite-read-model-sql';
import { SqliteEventStore } from './sqlite/sqlite-event-store.adapter';

/** The embedded store's file inside DATA_DIR: events, read models and checkpoints together. */
export const sqliteFileOf = (config: AppConfig): string => path.resolve(config.DATA_DIR, 'dnscc.sqlite');

/** Read models of a single node beside EventStoreDB, when no DATABASE_URL is given. */
export const readModelFileOf = (config: AppConfig): string =>
  path.resolve(config.DATA_DIR, 'read-model.sqlite');

/** The event store EVENT_STORE names; config validation has checked its connection setting. */
export async function openEventStore(config: AppConfig): Promise<EventStore> {
  switch (config.EVENT_STORE) {
    case 'sqlite':
      mkdirSync(config.DATA_DIR, { recursive: true });
      return SqliteEventStore.open({ path: sqliteFileOf(config) });
    case 'postgres':
      return PostgresEventStore.open({ connectionString: required(config.DATABASE_URL, 'DATABASE_URL') });
    case 'eventstoredb':
      return EventStoreDbEventStore.connect(
        required(config.EVENTSTORE_CONNECTION_STRING, 'EVENTSTORE_CONNECTION_STRING'),
      );
  }
}

/**
 * Where the read models live and who projects them: inline in the SQLite file of the embedded store;
 * otherwise in PostgreSQL (DATABASE_URL) under advisory-lock leases, or, beside EventStoreDB without
 * DATABASE_URL, in a local SQLite file for a single node.
 */
export function openReadModelRuntime(
  config: AppConfig,
  store: EventStore,
  projections: readonly Projection[],
): ReadModelRuntime {
  if (store instanceof SqliteEventStore) return new EmbeddedReadModelRuntime(store, projections);
  const options = { leaseRetryMs: config.PROJECTION_LEASE_RETRY_MS };
  if (config.DATABASE_URL !== undefined) {
    const sql = PostgresReadModelSql.connect(config.DATABASE_URL, { application_name: 'dnscc-read-model' });
    return new LeasedReadModelRuntime(
      store,
      sql,
      projections,
      // The pid in the session's name tells operators (and the scale-out test) who holds what.
      new PostgresAdvisoryLeases({
        connectionString: config.DATABASE_URL,
        application_name: `dnscc-lease:${process.pid}`,
      }),
      { ...options, listenConnectionString: config.DATABASE_URL, close: () => sql.close() },
    );
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  const database = new Database(readModelFileOf(config));
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  return new LeasedReadModelRuntime(
    store,
    new SqliteReadModelSql(new SqlExecutor(database)),
    projections,
    new LocalLeases(),
    {
      ...options,
      listenConnectionString: null,
      close: () => {
        database.close();
        return Promise.resolve();
      },
    },
  );
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new TypeError(`${name} is required`);
  return value;
}
