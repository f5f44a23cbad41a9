import { type CustomTypesConfig, type QueryConfig, types } from 'pg';
import type { JsonValue, RecordedEvent } from '../event-store.port';
import type { StoreSchema } from './postgres-schema';

/** One row of `events`; int8 columns arrive as bigint through `int8AsBigInt`. */
export interface EventRow {
  readonly position: bigint;
  readonly stream_id: string;
  readonly revision: bigint;
  readonly event_id: string;
  readonly type: string;
  readonly data: JsonValue;
  readonly metadata: JsonValue;
  readonly recorded_at: Date;
}

/** The channel appends notify on, with the last position appended as payload. */
export const COMMIT_CHANNEL = 'dnscc_events';

/** The largest int8: "no upper bound" for a backwards read. */
export const MAX_INT8 = 9_223_372_036_854_775_807n;

type TypeParserLookup = CustomTypesConfig['getTypeParser'];

/**
 * pg returns int8 as a string by default; positions and revisions are bigint in the port and may pass
 * 2^53, so they are parsed exactly. Set per pool rather than through `pg.types.setTypeParser`, which
 * would change every other pool in the process.
 */
export const int8AsBigInt: CustomTypesConfig = {
  getTypeParser: (...[oid, format]: Parameters<TypeParserLookup>): unknown =>
    oid === types.builtins.INT8 ? (value: string) => BigInt(value) : types.getTypeParser(oid, format),
};

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, recorded_at';

/**
 * Every statement the store runs, as named (server-side prepared) queries: parsed and planned once per
 * connection. A pool belongs to one store, hence one schema, so a name always means the same text.
 */
export class PostgresStatements {
  readonly appendLock: string;
  private readonly texts: Readonly<Record<StatementName, string>>;

  constructor(schema: StoreSchema) {
    const t = schema.prefix;
    // READ COMMITTED whatever the database default: under REPEATABLE READ the snapshot would be taken by the
    // lock statement itself, before the lock is granted, and the head read after it would be stale.
    this.appendLock = `BEGIN ISOLATION LEVEL READ COMMITTED; ${schema.appendLock}`;
    this.texts = {
      // One row per stored id of the append (or one row of nulls), each carrying the stream's head and the
      // log's head, all read in one snapshot.
      appendState: `
        SELECT s.last_revision, s.last_position, h.head,
               e.event_id, e.stream_id AS event_stream_id, e.revision, e.position
        FROM (SELECT coalesce(max(position), 0) AS head FROM ${t}events) AS h
        LEFT JOIN ${t}streams AS s ON s.stream_id = $1
        LEFT JOIN ${t}events AS e ON e.event_id = ANY ($2::text[])`,
      // $1 log head, $2 stream, $3 stream's last revision (-1 if none), $8 number of events. Ordinality
      // starts at 1, so the events take positions head+1.. and revisions last+1.. in the order given.
      insertEvents: `
        WITH inserted AS (
          INSERT INTO ${t}events (${COLUMNS})
          SELECT $1::bigint + e.n, $2, $3::bigint + e.n, e.id, e.type, e.data::json, e.metadata::json,
                 statement_timestamp()
          FROM unnest($4::text[], $5::text[], $6::text[], $7::text[])
               WITH ORDINALITY AS e (id, type, data, metadata, n)
        ), head AS (
          INSERT INTO ${t}streams (stream_id, last_revision, last_position)
          VALUES ($2, $3::bigint + $8::bigint, $1::bigint + $8::bigint)
          ON CONFLICT (stream_id) DO UPDATE
            SET last_revision = excluded.last_revision, last_position = excluded.last_position
        )
        SELECT pg_notify('${COMMIT_CHANNEL}', ($1::bigint + $8::bigint)::text)`,
      streamHead: `SELECT last_revision, last_position FROM ${t}streams WHERE stream_id = $1`,
      readStreamForwards: `SELECT ${COLUMNS} FROM ${t}events
        WHERE stream_id = $1 AND revision >= $2 ORDER BY revision ASC LIMIT $3`,
      readStreamBackwards: `SELECT ${COLUMNS} FROM ${t}events
        WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`,
      readAll: `SELECT ${COLUMNS} FROM ${t}events WHERE position > $1 ORDER BY position ASC LIMIT $2`,
      // The head comes from the same snapshot as the page, so a short page proves that nothing matching
      // exists up to it: the subscription's checkpoint can move there even when the filter skipped events.
      subscriptionPage: `
        SELECT h.head, e.* FROM (SELECT coalesce(max(position), 0) AS head FROM ${t}events) AS h
        LEFT JOIN LATERAL (
          SELECT ${COLUMNS} FROM ${t}events
          WHERE position > $1
            AND ($2::text[] IS NULL OR type = ANY ($2::text[]))
            AND ($3::text[] IS NULL OR EXISTS (
              SELECT FROM unnest($3::text[]) AS p (prefix) WHERE starts_with(stream_id, p.prefix)))
          ORDER BY position ASC LIMIT $4
        ) AS e ON true`,
      headPosition: `SELECT coalesce(max(position), 0) AS position FROM ${t}events`,
    };
  }

  query(name: StatementName, values: readonly unknown[]): QueryConfig<unknown[]> {
    return { name: `dnscc_es_${name}`, text: this.texts[name], values: [...values] };
  }
}

export type StatementName =
  | 'appendState'
  | 'insertEvents'
  | 'streamHead'
  | 'readStreamForwards'
  | 'readStreamBackwards'
  | 'readAll'
  | 'subscriptionPage'
  | 'headPosition';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
