import Database from 'better-sqlite3';
import { SqlExecutor } from '../projections/sql-executor';
import { createTestDatabase } from '../postgres/testing/postgres-test-database';
import { PostgresReadModelSql } from '../read-model/postgres-read-model-sql';
import type { ReadModelSql } from '../read-model/read-model-sql';
import { SqliteReadModelSql } from '../read-model/sqlite-read-model-sql';

/** Fresh, empty read-model databases of one engine, all let go by `closeAll`. */
export interface ReadModelEngine {
  open(): Promise<ReadModelSql>;
  closeAll(): Promise<void>;
}

export function sqliteEngine(): ReadModelEngine {
  const open: Database.Database[] = [];
  return {
    open: () => {
      const database = new Database(':memory:');
      open.push(database);
      return Promise.resolve(new SqliteReadModelSql(new SqlExecutor(database)));
    },
    closeAll: () => {
      for (const database of open.splice(0)) database.close();
      return Promise.resolve();
    },
  };
}

/** Each `open()` is a database of its own on the test PostgreSQL server (see postgres-test-database). */
export function postgresEngine(): ReadModelEngine {
  const open: { sql: PostgresReadModelSql; drop: () => Promise<void> }[] = [];
  return {
    open: async () => {
      const database = await createTestDatabase();
      const sql = PostgresReadModelSql.connect(database.url, { max: 2 });
      open.push({ sql, drop: () => database.drop() });
      return sql;
    },
    closeAll: async () => {
      for (const { sql, drop } of open.splice(0)) {
        await sql.close();
        await drop();
      }
    },
  };
}

/** For `describe.each`: the same suite on SQLite and on PostgreSQL. */
export const readModelEngines = (): [name: string, engine: ReadModelEngine][] => [
  ['SQLite', sqliteEngine()],
  ['PostgreSQL', postgresEngine()],
];
