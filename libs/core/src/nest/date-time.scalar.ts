import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** RFC 3339 date-time with an explicit offset, as clients must send it. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

function parse(value: unknown): Date {
  if (typeof value === 'string' && RFC3339.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError(
    `DateTime must be an RFC 3339 date-time such as 2026-11-26T09:54:33Z, got ${JSON.stringify(value)}`,
  );
}

/**
 * DateTime that accepts only valid RFC 3339 input (Nest's built-in turns garbage into an Invalid
 * Date) and serialises both Date objects and the ISO strings read models store.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an RFC 3339 string in UTC, such as 2026-11-26T09:54:33.000Z',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    return parse(value).toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return parse(ast.value);
  },
});
