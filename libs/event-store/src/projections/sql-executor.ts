import type { Database, Statement } from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type { PreparedQuery } from './prepared-query';
import { runProgramSync, type SqlProgram, type SqlStep } from '../read-model/sql-program';

/**
 * Runs Kysely-compiled queries synchronously on the better-sqlite3 connection. The SQLite runner
 * drives projection programs with it inside the append transaction, where an async driver cannot
 * take part; `SqliteReadModelSql` offers the same connection to queries behind the async interface.
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

  allPrepared<Args extends readonly unknown[], Row>(query: PreparedQuery<Args, Row>, args: Args): Row[] {
    return this.prepare(query.sql).all(...toSqlite(query.parameters(args))) as Row[];
  }

  /** Runs one statement of a program. */
  execute(step: SqlStep): unknown {
    const statement = this.prepare(step.sql);
    const parameters = toSqlite(step.parameters);
    if (step.kind === 'all') return statement.all(...parameters);
    if (step.kind === 'first') return statement.get(...parameters);
    return statement.run(...parameters).changes;
  }

  /** Runs a program; the caller owns the transaction. */
  runProgram<T>(program: SqlProgram<T>): T {
    return runProgramSync(program, (step) => this.execute(step));
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
