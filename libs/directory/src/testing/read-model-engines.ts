import Database from 'better-sqlite3';
import { PostgresReadModelSql, SqlExecutor, SqliteReadModelSql, type ReadModelSql } from '@app/event-store';

/** Fresh, empty read-model databases of one engine, all let go by `closeAll`. */
export interface ReadModelEngine {
  open(): Promise<ReadModelSql>;
  closeAll(): Promise<void>;
}

/** What the event store's PostgreSQL test support hands out (passed in: specs import it). */
export type TestDatabaseFactory = () => Promise<{ readonly url: string; readonly drop: () => Promise<void> }>;

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

export function postgresEngine(createTestDatabase: TestDatabaseFactory): ReadModelEngine {
  const open: { sql: PostgresReadModelSql; drop: () => Promise<void> }[] = [];
  return {
    open: async () => {
      const database = await createTestDatabase();
      const sql = PostgresReadModelSql.connect(database.url, { max: 2 });
      open.push({ sql, drop: database.drop });
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
export const readModelEngines = (
  createTestDatabase: TestDatabaseFactory,
): [name: string, engine: ReadModelEngine][] => [
  ['SQLite', sqliteEngine()],
  ['PostgreSQL', postgresEngine(createTestDatabase)],
];
