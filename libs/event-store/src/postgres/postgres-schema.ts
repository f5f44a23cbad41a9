import { escapeIdentifier, escapeLiteral, type Pool } from 'pg';

/**
 * Advisory lock "classes" (the first key of the two-int form), one per purpose; the second key is
 * `hashtext(schema)`, so stores in different schemas of one database do not wait for each other. A hash
 * collision only makes two schemas share a lock, which is slower but still correct.
 */
const APPEND_LOCK_CLASS = 0x646e_7361; // "dnsa"
const MIGRATION_LOCK_CLASS = 0x646e_736d; // "dnsm"

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A schema name, checked and quoted once so that every statement can splice it in. */
export interface StoreSchema {
  readonly name: string;
  /** `"name".` ready to prefix a table name. */
  readonly prefix: string;
  /** Statement taking the lock that serialises position assignment; held until COMMIT or ROLLBACK. */
  readonly appendLock: string;
}

export function storeSchema(name: string): StoreSchema {
  if (!SCHEMA_NAME.test(name)) {
    throw new RangeError(`schema must be a lower-case SQL identifier (${SCHEMA_NAME.source}), got ${name}`);
  }
  return {
    name,
    prefix: `${escapeIdentifier(name)}.`,
    appendLock: `SELECT pg_advisory_xact_lock(${APPEND_LOCK_CLASS}, hashtext(${escapeLiteral(name)}))`,
  };
}

/**
 * `position` is assigned by the adapter as max(position) + 1 under the append lock, so it has no default
 * and no sequence: see `postgres-stream-append.ts` for why. `data` and `metadata` are `json`, not `jsonb`:
 * json keeps the exact text, including `\u0000`, which jsonb refuses, so any payload a reporter sends can
 * be stored and reads back unchanged. `streams` keeps each stream's head so the expected-revision check is
 * one primary-key lookup.
 */
function schemaStatements({ prefix }: StoreSchema): string {
  return `
    CREATE TABLE IF NOT EXISTS ${prefix}events (
      position    bigint      NOT NULL CHECK (position > 0),
      stream_id   text        NOT NULL,
      revision    bigint      NOT NULL CHECK (revision >= 0),
      event_id    text        NOT NULL,
      type        text        NOT NULL,
      data        json        NOT NULL,
      metadata    json        NOT NULL,
      recorded_at timestamptz NOT NULL,
      CONSTRAINT events_pkey PRIMARY KEY (position),
      CONSTRAINT events_event_id_key UNIQUE (event_id),
      CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision)
    );
    CREATE TABLE IF NOT EXISTS ${prefix}streams (
      stream_id     text   NOT NULL PRIMARY KEY,
      last_revision bigint NOT NULL,
      last_position bigint NOT NULL
    );`;
}

/**
 * Creates the schema's tables if missing. Concurrent `CREATE TABLE IF NOT EXISTS` can still fail on the
 * catalog's unique indexes when two processes start at once, hence the advisory lock; DDL is
 * transactional, so the transaction-scoped lock covers exactly the migration.
 */
export async function migrate(pool: Pool, schema: StoreSchema): Promise<void> {
  const client = await pool.connect();
  let failure: unknown;
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_CLASS}, hashtext(${escapeLiteral(schema.name)}))`,
    );
    // CREATE SCHEMA IF NOT EXISTS checks the CREATE privilege even when the schema exists (public).
    const existing = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema.name]);
    if (existing.rowCount === 0) await client.query(`CREATE SCHEMA ${escapeIdentifier(schema.name)}`);
    await client.query(schemaStatements(schema));
    await client.query('COMMIT');
  } catch (error) {
    failure = error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    // A client that failed mid-transaction is discarded rather than returned to the pool.
    client.release(failure instanceof Error ? failure : undefined);
  }
}
