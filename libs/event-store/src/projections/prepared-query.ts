import type { CompiledQuery } from 'kysely';

interface Compilable<Row> {
  compile(): CompiledQuery<Row>;
}

/** A query compiled once, with the positions where each argument binds. */
export interface PreparedQuery<Args extends readonly unknown[], Row> {
  readonly sql: string;
  parameters(args: Args): unknown[];
  /** Phantom: the row type the query returns. */
  readonly row?: Row;
}

const SENTINEL = '\u0000dnscc-arg-';

/**
 * Compiles a Kysely query once instead of on every call: building and compiling the query tree
 * costs more than SQLite's execution of these small statements. `build` is called with sentinel
 * values in place of its arguments; every parameter equal to a sentinel is bound to that argument
 * at run time, everything else stays as compiled.
 */
export function prepareQuery<Args extends readonly unknown[], Row>(
  arity: number,
  build: (...args: Args) => Compilable<Row>,
): PreparedQuery<Args, Row> {
  const sentinels = Array.from({ length: arity }, (_, i) => `${SENTINEL}${i}`);
  const compiled = build(...(sentinels as unknown as Args)).compile();
  const bindings = compiled.parameters.map((value) => {
    const index =
      typeof value === 'string' && value.startsWith(SENTINEL) ? Number(value.slice(SENTINEL.length)) : -1;
    return { index, value };
  });
  if (sentinels.some((_, i) => !bindings.some((b) => b.index === i))) {
    throw new TypeError(`prepareQuery: an argument of ${compiled.sql} is not bound to a parameter`);
  }
  return {
    sql: compiled.sql,
    parameters: (args) => bindings.map(({ index, value }) => (index >= 0 ? args[index] : value)),
  };
}
