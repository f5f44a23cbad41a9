import type { PreparedQuery } from '../projections/prepared-query';
import type { SqlProgram, SqlQuery } from './sql-program';

export type SqlDialect = 'sqlite' | 'postgres';

/**
 * Asynchronous access to the read-model database, whichever it is. Queries are written once with
 * Kysely's builder (compiled for SQLite; the PostgreSQL executor renumbers the placeholders), and
 * columns keep to types both engines read alike: text, integers, no booleans.
 */
export interface ReadModelSql {
  readonly dialect: SqlDialect;
  all<Row>(query: SqlQuery<Row>): Promise<Row[]>;
  first<Row>(query: SqlQuery<Row>): Promise<Row | undefined>;
  /** Returns the number of rows changed. */
  run(query: SqlQuery): Promise<number>;
  allPrepared<Args extends readonly unknown[], Row>(
    query: PreparedQuery<Args, Row>,
    args: Args,
  ): Promise<Row[]>;
  firstPrepared<Args extends readonly unknown[], Row>(
    query: PreparedQuery<Args, Row>,
    args: Args,
  ): Promise<Row | undefined>;
  runPrepared<Args extends readonly unknown[]>(
    query: PreparedQuery<Args, unknown>,
    args: Args,
  ): Promise<number>;
  /** Runs every statement of the program in one transaction: all of it or none. */
  transaction<T>(program: () => SqlProgram<T>): Promise<T>;
  /** Runs schema statements (several, separated by semicolons). */
  exec(ddl: string): Promise<void>;
}

/** DDL for each engine, and the tables a rebuild empties (in this order). */
export interface ReadModelSchema {
  readonly sqlite: string;
  readonly postgres: string;
  readonly tables: readonly string[];
}

export const schemaFor = (schema: ReadModelSchema, dialect: SqlDialect): string => schema[dialect];
