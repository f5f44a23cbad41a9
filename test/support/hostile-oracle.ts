import path from 'node:path';
import { abbreviate } from './hostile-encoding';

/**
 * What every answer to a hostile request must satisfy: no 5xx, every error typed with a code of
 * the one list below, nothing internal in any message.
 */

/**
 * Every `extensions.code` the API emits for a caller's mistake (README "Errors", plus the refusals
 * of apps/api/src/hardening and the HTTP-level BAD_REQUEST of graphql-error-formatter.ts). Syntax
 * errors are GRAPHQL_VALIDATION_FAILED: the server has no separate GRAPHQL_PARSE_FAILED.
 * INTERNAL_SERVER_ERROR is deliberately absent: a hostile request must never cause a fault of ours.
 */
export const KNOWN_ERROR_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'INTROSPECTION_DISABLED',
  // GraphQL over GET is refused: clients POST (graphql-ws upgrades still use GET).
  'METHOD_NOT_ALLOWED',
]);

const ROOT = path.resolve(__dirname, '../..');

/** Signs of internals in a message. The hostile values never contain any of them (hostile-values.ts). */
export const LEAKS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a stack trace', pattern: /\n\s+at\s|\bat\s+\S+\s+\(\S+:\d+:\d+\)|\bat\s+\/\S+:\d+/ },
  { what: 'a file path', pattern: /node_modules|\/dist\/(?:apps|libs)\/|\.(?:js|ts|cjs|mjs):\d+/ },
  { what: 'the checkout path', pattern: new RegExp(ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) },
  { what: 'an SQLite error code', pattern: /SQLITE_[A-Z]|SqliteError/ },
  {
    what: 'an SQL error',
    pattern:
      /no such (?:table|column)|constraint failed|datatype mismatch|database is locked|: syntax error/i,
  },
  { what: '"Internal"', pattern: /\binternal\b/i },
  {
    what: 'a JavaScript runtime error',
    pattern:
      /TypeError|ReferenceError|RangeError|Cannot read propert|is not iterable|is not a function|Maximum call stack|\(reading '/,
  },
];

/** One request as sent and its answer as received. */
export interface Exchange {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  readonly status: number;
  readonly text: string;
  readonly json: unknown;
}

interface WireError {
  readonly message?: unknown;
  readonly extensions?: { readonly code?: unknown; readonly [key: string]: unknown };
}

/** Errors of a GraphQL-shaped answer, or null when the body is not one. */
export function errorsOf(json: unknown): readonly WireError[] | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const errors = (json as { errors?: unknown }).errors;
  if (errors === undefined) return [];
  return Array.isArray(errors) ? (errors as WireError[]) : null;
}

/**
 * Answers that are not GraphQL-shaped by nature: HTTP 431 (headers too large, refused by Node and
 * Fastify before any route runs) and methods /graphql does not serve.
 */
const isNonGraphqlRefusal = (exchange: Exchange): boolean =>
  exchange.status === 431 ||
  (exchange.method !== 'GET' && exchange.method !== 'POST' && [404, 405].includes(exchange.status)) ||
  (exchange.method === 'HEAD' && exchange.status < 500);

/** Every way `exchange` breaks the contract; empty when it holds. */
export function violationsOf(exchange: Exchange): string[] {
  const found: string[] = [];
  if (exchange.status >= 500) found.push(`HTTP ${exchange.status}`);
  const messages: string[] = [];
  if (!isNonGraphqlRefusal(exchange)) {
    const errors = errorsOf(exchange.json);
    if (errors === null) {
      found.push('the answer is not a GraphQL response (no JSON object with an errors list or data)');
    } else {
      if (exchange.status >= 400 && errors.length === 0)
        found.push(`HTTP ${exchange.status} without an error`);
      errors.forEach((error, i) => {
        const code = error.extensions?.code;
        if (typeof error.message !== 'string') found.push(`errors[${i}] has no message`);
        else messages.push(error.message);
        if (typeof code !== 'string') found.push(`errors[${i}] has no extensions.code`);
        else if (!KNOWN_ERROR_CODES.has(code)) found.push(`errors[${i}] has code ${code}`);
        if (/stack|exception/i.test(Object.keys(error.extensions ?? {}).join(' '))) {
          found.push(`errors[${i}].extensions carries ${Object.keys(error.extensions ?? {}).join(', ')}`);
        }
      });
    }
  } else {
    messages.push(exchange.text);
  }
  for (const message of messages) {
    for (const leak of LEAKS) {
      if (leak.pattern.test(message)) found.push(`a message shows ${leak.what}: ${JSON.stringify(message)}`);
    }
  }
  return found;
}

/** The GraphQL `data` of an answer, if it has one. */
export function dataOf(json: unknown): Record<string, unknown> | null {
  if (typeof json !== 'object' || json === null) return null;
  const data = (json as { data?: unknown }).data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
}

/** A failure as a reader needs it: the problems, then each request and its answer, cut short. */
export function describeFailure(problems: readonly string[], exchanges: readonly Exchange[]): string {
  const shown = exchanges.map(
    (e, i) =>
      `request ${i} (${e.label}): ${e.method} ${abbreviate(e.path, 300)}\n` +
      `  authorization: ${abbreviate(e.headers['authorization'] ?? '(none)', 80)}\n` +
      `  content-type: ${e.headers['content-type'] ?? '(none)'}\n` +
      `  body: ${e.body === undefined ? '(none)' : abbreviate(e.body, 1_500)}\n` +
      `  → HTTP ${e.status}: ${abbreviate(e.text, 1_500)}`,
  );
  return `${problems.join('\n')}\n\n${shown.join('\n')}`;
}
