/**
 * How hostile values travel: as JSON variables (with tokens JSON.stringify cannot write, such as NaN
 * or lists nested thousands deep, kept as raw text) and as GraphQL literals written inline.
 */

/** A JSON fragment sent exactly as written, e.g. `NaN`. */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * A list nested `depth` deep around `leaf` (JSON text), written as text so that no serialiser
 * recurses. Inline literals are cut to INLINE_NESTING_LIMIT levels: how deep a document the GraphQL
 * parser survives is the documents target's question, not that of every input.
 */
export class DeepList {
  constructor(
    readonly depth: number,
    readonly leaf: string,
  ) {}

  text(limit = Infinity): string {
    const depth = Math.min(this.depth, limit);
    return `${'['.repeat(depth)}${this.leaf}${']'.repeat(depth)}`;
  }
}

export const INLINE_NESTING_LIMIT = 500;

/** JSON text of `value`, with RawJson fragments inlined and own `__proto__` keys kept. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof DeepList) return value.text();
  if (Array.isArray(value)) return `[${value.map((item) => toJsonText(item)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`);
    return `{${fields.join(',')}}`;
  }
  return jsonText(value);
}

/** JSON.stringify, with `null` for what it cannot write (undefined, functions). */
export function jsonText(value: unknown): string {
  return stringify(value) ?? 'null';
}

/** JSON.stringify as it really is: undefined for undefined, functions and symbols. */
const stringify: (value: unknown) => string | undefined = JSON.stringify;

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * The value written as a GraphQL literal. Strings in `enumFields` that look like names are written
 * as enum names (so `phishing` reaches the enum check, not the string one); a non-finite number is
 * written as its JavaScript spelling, which the GraphQL parser must refuse.
 */
export function toGraphqlLiteral(value: unknown, enumFields: ReadonlySet<string>, field = ''): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof DeepList) return value.text(INLINE_NESTING_LIMIT);
  if (typeof value === 'string') {
    return enumFields.has(field) && NAME.test(value) ? value : JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    return `[${value.map((item) => toGraphqlLiteral(item, enumFields, field)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value).map(
      ([key, item]) =>
        `${NAME.test(key) ? key : JSON.stringify(key)}: ${toGraphqlLiteral(item, enumFields, key)}`,
    );
    return `{${fields.join(', ')}}`;
  }
  return 'null';
}

/** Cuts long values short for failure messages, so a 100 kB counterexample stays readable. */
export function abbreviate(text: string, max = 600): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
