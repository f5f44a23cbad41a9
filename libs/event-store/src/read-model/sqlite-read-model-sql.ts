import type { PreparedQuery } from '../projections/prepared-query';
import type { SqlExecutor } from '../projections/sql-executor';
import type { ReadModelSql } from './read-model-sql';
import type { SqlProgram, SqlQuery } from './sql-program';

/**
 * The embedded read model behind the async interface. better-sqlite3 answers synchronously, so each
 * call runs to completion before the promise resolves, and a transaction never spans an `await`.
 */
export class SqliteReadModelSql implements ReadModelSql {
  readonly dialect = 'sqlite' as const;

  constructor(readonly executor: SqlExecutor) {}

  all<Row>(query: SqlQuery<Row>): Promise<Row[]> {
    return settle(() => this.executor.all(query));
  }

  first<Row>(query: SqlQuery<Row>): Promise<Row | undefined> {
    return settle(() => this.executor.first(query));
  }

  run(query: SqlQuery): Promise<number> {
    return settle(() => this.executor.run(query));
  }

  allPrepared<Args extends readonly unknown[], Row>(
    query: PreparedQuery<Args, Row>,
    args: Args,
  ): Promise<Row[]> {
    return settle(() => this.executor.allPrepared(query, args));
  }

  firstPrepared<Args extends readonly unknown[], Row>(
    query: PreparedQuery<Args, Row>,
    args: Args,
  ): Promise<Row | undefined> {
    return settle(() => this.executor.firstPrepared(query, args));
  }

  runPrepared<Args extends readonly unknown[]>(
    query: PreparedQuery<Args, unknown>,
    args: Args,
  ): Promise<number> {
    return settle(() => this.executor.runPrepared(query, args));
  }

  transaction<T>(program: () => SqlProgram<T>): Promise<T> {
    return settle(() =>
      this.executor.database.transaction(() => this.executor.runProgram(program())).immediate(),
    );
  }

  exec(ddl: string): Promise<void> {
    return settle(() => {
      this.executor.database.exec(ddl);
    });
  }
}

/** A thrown error becomes a rejection, as from an async driver. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
