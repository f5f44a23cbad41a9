import type Database from 'better-sqlite3';
import type { JsonValue, RecordedEvent } from '../event-store.port';

/** One row of `events` as better-sqlite3 returns it with safe integers on. */
export interface EventRow {
  readonly position: bigint;
  readonly stream_id: string;
  readonly revision: bigint;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

export interface StreamHead {
  readonly last_revision: bigint;
  readonly last_position: bigint;
}

export interface ExistingEventId {
  readonly event_id: string;
  readonly stream_id: string;
  readonly revision: bigint;
  readonly position: bigint;
}

/** The largest SQLite integer: "no upper bound" for a backwards read. */
export const MAX_INTEGER = 9_223_372_036_854_775_807n;

const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, recorded_at';

/**
 * Every statement the store runs, prepared once per connection. Integers come back as bigint
 * (`safeIntegers`) because positions and revisions are bigint in the port and may pass 2^53.
 */
export class SqliteStatements {
  readonly streamHead: Database.Statement<[string], StreamHead>;
  readonly existingEventIds: Database.Statement<[string], ExistingEventId>;
  readonly insertEvent: Database.Statement<
    [string, bigint, string, string, string, string, string],
    { position: bigint }
  >;
  readonly upsertStreamHead: Database.Statement<[string, bigint, bigint]>;
  readonly readStreamForwards: Database.Statement<[string, bigint, number], EventRow>;
  readonly readStreamBackwards: Database.Statement<[string, bigint, number], EventRow>;
  readonly readAll: Database.Statement<[bigint, number], EventRow>;
  readonly headPosition: Database.Statement<[], { position: bigint | null }>;

  constructor(db: Database.Database) {
    this.streamHead = db
      .prepare<[string], StreamHead>('SELECT last_revision, last_position FROM streams WHERE stream_id = ?')
      .safeIntegers();
    // json_each lets one prepared statement look up any number of ids.
    this.existingEventIds = db
      .prepare<[string], ExistingEventId>(
        'SELECT event_id, stream_id, revision, position FROM events WHERE event_id IN (SELECT value FROM json_each(?))',
      )
      .safeIntegers();
    this.insertEvent = db
      .prepare<[string, bigint, string, string, string, string, string], { position: bigint }>(
        `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING position`,
      )
      .safeIntegers();
    this.upsertStreamHead = db.prepare<[string, bigint, bigint]>(
      `INSERT INTO streams (stream_id, last_revision, last_position) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision, last_position = excluded.last_position`,
    );
    this.readStreamForwards = db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
      )
      .safeIntegers();
    this.readStreamBackwards = db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .safeIntegers();
    this.readAll = db
      .prepare<[bigint, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
      )
      .safeIntegers();
    this.headPosition = db
      .prepare<[], { position: bigint | null }>('SELECT MAX(position) AS position FROM events')
      .safeIntegers();
  }
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    data: JSON.parse(row.data) as JsonValue,
    metadata: JSON.parse(row.metadata) as JsonValue,
    recordedAt: new Date(row.recorded_at),
  };
}
