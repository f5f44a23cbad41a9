import type { Database, Statement } from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type { PreparedQuery } from './prepared-query';

/**
 * Runs Kysely-compiled queries synchronously on the better-sqlite3 connection. Projections use it
 * inside the append transaction, where an async driver cannot take part; the queries are still
 * written once with Kysely's builder, so the PostgreSQL runner can execute the same ones.
 */
export class SqlExecutor {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly database: Database) {}

  all<Row>(query: CompiledQuery<Row> | { compile(): CompiledQuery<Row> }): Row[] {
    const compiled = 'compile' in query ? query.compile() : query;
    return this.prepare(compiled.sql).all(...toSqlite(compiled.parameters)) as Row[];
  }

  first<Row>(query: CompiledQuery<Row> | { compile(): CompiledQuery<Row> }): Row | undefined {
    const compiled = 'compile' in query ? query.compile() : query;
    return this.prepare(compiled.sql).get(...toSqlite(compiled.parameters)) as Row | undefined;
  }

  run(query: CompiledQuery | { compile(): CompiledQuery }): number {
    const compiled = 'compile' in query ? query.compile() : query;
    return this.prepare(compiled.sql).run(...toSqlite(compiled.parameters)).changes;
  }

  /** Runs a query compiled once by `prepareQuery` with this call's arguments. */
  firstPrepared<Args extends readonly unknown[], Row>(
    query: PreparedQuery<Args, Row>,
    args: Args,
  ): Row | undefined {
    return this.prepare(query.sql).get(...toSqlite(query.parameters(args))) as Row | undefined;
  }

  runPrepared<Args extends readonly unknown[]>(query: PreparedQuery<Args, unknown>, args: Args): number {
    return this.prepare(query.sql).run(...toSqlite(query.parameters(args))).changes;
  }

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.database.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** SQLite has no boolean type; everything else Kysely produces binds as is. */
function toSqlite(parameters: readonly unknown[]): unknown[] {
  return parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value));
}
