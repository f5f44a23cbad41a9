import type { RecordedEvent } from '../event-store.port';
import { readModelQueryBuilder } from '../read-model/query-builder';
import type { ReadModelSchema, SqlDialect } from '../read-model/read-model-sql';
import { step, type SqlProgram } from '../read-model/sql-program';
import { prepareQuery } from './prepared-query';
import type { Projection } from './projection';

interface CheckpointTables {
  projection_checkpoints: { name: string; position: number | bigint | string };
}

const db = readModelQueryBuilder<CheckpointTables>();

export const CHECKPOINTS_SCHEMA: ReadModelSchema = {
  sqlite: `CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  ) STRICT`,
  postgres: `CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT PRIMARY KEY,
    position BIGINT NOT NULL
  )`,
  tables: [],
};

/**
 * Another runner moved the checkpoint since this one read it (a lease taken over, a rebuild reset
 * it): the batch is rolled back and the runner starts again from the stored checkpoint.
 */
export class CheckpointMovedError extends Error {
  constructor(
    readonly projection: string,
    readonly expected: bigint,
  ) {
    super(`The checkpoint of projection ${projection} is no longer at ${expected}`);
    this.name = 'CheckpointMovedError';
  }
}

/** Creates a projection's tables and its checkpoint row. */
export function migrationOf(projection: Projection, dialect: SqlDialect): string {
  return `${projection.schema[dialect]};\n${CHECKPOINTS_SCHEMA[dialect]}`;
}

export function* ensureCheckpoint(name: string): SqlProgram<void> {
  yield* step.run(
    db
      .insertInto('projection_checkpoints')
      .values({ name, position: 0 })
      .onConflict((oc) => oc.doNothing()),
  );
}

/** Compiled once: the inline projection reads and moves checkpoints on every append. */
const selectCheckpoint = prepareQuery(1, (name: string) =>
  db.selectFrom('projection_checkpoints').select('position').where('name', '=', name),
);
const moveCheckpoint = prepareQuery(3, (name: string, from: bigint, to: bigint) =>
  db
    .updateTable('projection_checkpoints')
    .set({ position: to })
    .where('name', '=', name)
    .where('position', '=', from),
);

export function* readCheckpoint(name: string): SqlProgram<bigint> {
  const row = yield* step.firstPrepared(selectCheckpoint, [name]);
  return BigInt(row?.position ?? 0);
}

export function* readCheckpoints(): SqlProgram<Map<string, bigint>> {
  const rows = yield* step.all(db.selectFrom('projection_checkpoints').select(['name', 'position']));
  return new Map(rows.map((row) => [row.name, BigInt(row.position)]));
}

/**
 * Applies the events after `from` and moves the checkpoint to the last one, in the caller's
 * transaction. The checkpoint moves first, compare-and-set: a second runner working from the same
 * checkpoint waits on that row, then finds it moved and rolls back, so no event is applied twice.
 */
export function* applyBatch(
  projection: Projection,
  events: readonly RecordedEvent[],
  from: bigint,
): SqlProgram<bigint> {
  const last = events.at(-1);
  if (!last || last.position <= from) return from;
  const moved = yield* step.runPrepared(moveCheckpoint, [projection.name, from, last.position]);
  if (moved !== 1) throw new CheckpointMovedError(projection.name, from);
  const relevant = events.filter((e) => e.position > from && projection.eventTypes.has(e.type));
  if (relevant.length > 0) yield* projection.apply(relevant);
  return last.position;
}

/**
 * Empties a projection's tables and rewinds its checkpoint, for a rebuild from position 0. On
 * PostgreSQL the tables are truncated: a DELETE would leave every row behind as a dead tuple that
 * the rebuild's own deletes and index lookups then wade through.
 */
export function* resetProjection(projection: Projection, dialect: SqlDialect = 'sqlite'): SqlProgram<void> {
  const tables = projection.schema.tables;
  if (dialect === 'postgres' && tables.length > 0) {
    yield* step.runSql(`TRUNCATE ${tables.join(', ')}`);
  } else {
    for (const table of tables) yield* step.runSql(`DELETE FROM ${table}`);
  }
  yield* step.run(
    db.updateTable('projection_checkpoints').set({ position: 0 }).where('name', '=', projection.name),
  );
}
