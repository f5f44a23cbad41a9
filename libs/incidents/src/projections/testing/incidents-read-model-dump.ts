import type { ReadModelSql } from '@app/event-store';
import { INCIDENTS_READ_MODEL_SCHEMA } from '../incidents-schema.read-model';
import { incidentsQueryBuilder as db, type IncidentsReadModel } from '../incidents.read-model';

export type IncidentsReadModelDump = Record<keyof IncidentsReadModel, Record<string, unknown>[]>;

/**
 * Every row of the incident read model, sorted in JavaScript so that SQLite and PostgreSQL (whose
 * text collations differ) dump alike, to compare one build with another.
 */
export async function dumpIncidentsReadModel(sql: ReadModelSql): Promise<IncidentsReadModelDump> {
  const dump: Partial<IncidentsReadModelDump> = {};
  for (const table of INCIDENTS_READ_MODEL_SCHEMA.tables as (keyof IncidentsReadModel)[]) {
    const rows = await sql.all(db.selectFrom(table).selectAll());
    dump[table] = (rows as Record<string, unknown>[])
      .map((row) => ({ key: JSON.stringify(row), row }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ row }) => row);
  }
  return dump as IncidentsReadModelDump;
}
