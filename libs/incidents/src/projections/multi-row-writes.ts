import { type CompiledQuery, type RawBuilder, sql } from 'kysely';
import { prepareQuery, type PreparedQuery, step, type SqlProgram } from '@app/event-store';

/** Below both engines' limits on bound parameters: SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/**
 * Row counts to split `count` rows into: full statements of `max` rows, then the rest as powers of
 * two. Statement texts so take a handful of shapes per table, however the batches vary, and the
 * prepared-statement cache of the connection (keyed by text) stays small; a statement per exact
 * row count would grow it by one shape for every count a batch happens to produce.
 */
export function statementSizes(count: number, max: number): number[] {
  const sizes: number[] = [];
  let rest = count;
  for (; rest >= max; rest -= max) sizes.push(max);
  for (let size = 2 ** Math.floor(Math.log2(Math.max(rest, 1))); rest > 0; size /= 2) {
    if (size <= rest) {
      sizes.push(size);
      rest -= size;
    }
  }
  return sizes;
}

/** `items` cut at the given sizes. */
export function slicesOf<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  let offset = 0;
  return sizes.map((size) => items.slice(offset, (offset += size)));
}

/**
 * Ids for `where id in (...)`, repeated up to the next power of two (a repeat changes nothing) so
 * the statement takes few shapes, like the writes.
 */
export function paddedIds(ids: readonly string[]): string[] {
  const last = ids.at(-1);
  if (last === undefined) return [];
  const size = 2 ** Math.ceil(Math.log2(ids.length));
  return [...ids, ...Array<string>(size - ids.length).fill(last)];
}

/**
 * `set column = excluded.column` for every column but the conflict key: an upsert taking every value
 * of the new row. The key already holds that value, and setting it would only rewrite its index.
 */
export const fromExcluded = <Row>(columns: readonly (keyof Row & string)[], key: keyof Row & string) =>
  Object.fromEntries(
    columns.filter((column) => column !== key).map((column) => [column, sql.ref(`excluded.${column}`)]),
  ) as { [Column in keyof Row]: RawBuilder<Row[Column]> };

/** An INSERT of many rows, compiled once for each row count it is used with. */
export interface MultiRowWrite<Row> {
  readonly columns: readonly (keyof Row & string)[];
  readonly maxRows: number;
  forRows(count: number): PreparedQuery<unknown[], unknown>;
}

export function multiRowWrite<Row>(
  columns: readonly (keyof Row & string)[],
  build: (rows: Row[]) => { compile(): CompiledQuery },
): MultiRowWrite<Row> {
  const byCount = new Map<number, PreparedQuery<unknown[], unknown>>();
  return {
    columns,
    maxRows: Math.floor(MAX_PARAMETERS / columns.length),
    forRows(count) {
      let query = byCount.get(count);
      if (!query) {
        query = prepareQuery(count * columns.length, (...args: unknown[]) =>
          build(
            Array.from(
              { length: count },
              (_, row) =>
                Object.fromEntries(
                  columns.map((column, c) => [column, args[row * columns.length + c]]),
                ) as Row,
            ),
          ),
        );
        byCount.set(count, query);
      }
      return query;
    },
  };
}

/** Writes `rows` in as few statements as the parameter limit and the few shapes allow. */
export function* writeRows<Row>(write: MultiRowWrite<Row>, rows: readonly Row[]): SqlProgram<void> {
  for (const slice of slicesOf(rows, statementSizes(rows.length, write.maxRows))) {
    const args = slice.flatMap((row) => write.columns.map((column) => row[column]));
    yield* step.runPrepared(write.forRows(slice.length), args);
  }
}
