import type { CompiledQuery } from 'kysely';
import type { PreparedQuery } from '../projections/prepared-query';

/** A Kysely query, built or already compiled. */
export type SqlQuery<Row = unknown> = CompiledQuery<Row> | { compile(): CompiledQuery<Row> };

/** One statement of a program: what to run and how to answer. */
export interface SqlStep {
  readonly kind: 'all' | 'first' | 'run';
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/**
 * Read-model writes described as data: a generator yields each statement and receives its result.
 * The same projection code then runs synchronously inside SQLite's append transaction and
 * asynchronously over a PostgreSQL connection (ADR 0013).
 */
export type SqlProgram<T> = Generator<SqlStep, T, unknown>;

const compiled = <Row>(query: SqlQuery<Row>): CompiledQuery<Row> =>
  'compile' in query ? query.compile() : query;

function* all<Row>(query: SqlQuery<Row>): SqlProgram<Row[]> {
  const { sql, parameters } = compiled(query);
  return (yield { kind: 'all', sql, parameters }) as Row[];
}

function* first<Row>(query: SqlQuery<Row>): SqlProgram<Row | undefined> {
  const { sql, parameters } = compiled(query);
  return (yield { kind: 'first', sql, parameters }) as Row | undefined;
}

/** Returns the number of rows changed. */
function* run(query: SqlQuery): SqlProgram<number> {
  const { sql, parameters } = compiled(query);
  return (yield { kind: 'run', sql, parameters }) as number;
}

function* firstPrepared<Args extends readonly unknown[], Row>(
  query: PreparedQuery<Args, Row>,
  args: Args,
): SqlProgram<Row | undefined> {
  return (yield { kind: 'first', sql: query.sql, parameters: query.parameters(args) }) as Row | undefined;
}

function* runPrepared<Args extends readonly unknown[]>(
  query: PreparedQuery<Args, unknown>,
  args: Args,
): SqlProgram<number> {
  return (yield { kind: 'run', sql: query.sql, parameters: query.parameters(args) }) as number;
}

/** A fixed statement without a builder, e.g. emptying a table named in a schema. */
function* runSql(sql: string, parameters: readonly unknown[] = []): SqlProgram<number> {
  return (yield { kind: 'run', sql, parameters }) as number;
}

/** The statements a program can yield: `yield* step.run(query)`. */
export const step = { all, first, run, firstPrepared, runPrepared, runSql };

/** Drives a program with a synchronous executor (SQLite). */
export function runProgramSync<T>(program: SqlProgram<T>, execute: (step: SqlStep) => unknown): T {
  let next = program.next();
  while (!next.done) next = program.next(execute(next.value));
  return next.value;
}

/** Drives a program with an asynchronous executor (PostgreSQL). */
export async function runProgram<T>(
  program: SqlProgram<T>,
  execute: (step: SqlStep) => Promise<unknown>,
): Promise<T> {
  let next = program.next();
  while (!next.done) next = program.next(await execute(next.value));
  return next.value;
}
