/**
 * Kysely compiles the read-model queries once, for SQLite, with `?` placeholders; PostgreSQL wants
 * `$1, $2, ...`. Every value is a parameter, so a `?` only appears in SQL text as a placeholder,
 * except inside quoted literals or identifiers, which are skipped.
 */
export function toPostgresPlaceholders(sql: string): string {
  let out = '';
  let index = 0;
  let quote: string | null = null;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '?') {
      index += 1;
      out += `$${index}`;
    } else {
      out += char;
    }
  }
  return out;
}
