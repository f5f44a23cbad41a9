/** Batch sizes, largest first; the last must be 1 so that every row finds a batch. */
const SIZES = [256, 16, 1] as const;

/**
 * Splits rows into batches of a few fixed sizes for multi-row statements. Each distinct row count is
 * a distinct SQL text, and the executors keep a prepared statement per text, so fixed sizes keep
 * that cache small while a batch of thousands still needs only a few dozen statements.
 */
export function fixedSizeBatches<T>(rows: readonly T[]): T[][] {
  const batches: T[][] = [];
  let start = 0;
  for (const size of SIZES) {
    while (rows.length - start >= size) {
      batches.push(rows.slice(start, start + size));
      start += size;
    }
  }
  return batches;
}
