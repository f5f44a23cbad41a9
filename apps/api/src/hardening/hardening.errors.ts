/** Codes of the refusals the API makes before running an operation; see README "Errors". */
export type RefusalCode = 'QUERY_TOO_DEEP' | 'QUERY_TOO_COMPLEX' | 'INTROSPECTION_DISABLED' | 'RATE_LIMITED';

/**
 * A request refused for what it asks, not for its data: too deep, too costly, introspection where it
 * is off, too many requests. Nothing runs; the formatter gives the client `message`, `code` and
 * `details` (limits, never internals) with `statusCode`.
 */
export class RequestRefusedError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details: Readonly<Record<string, number | string>> = {},
    readonly statusCode = 400,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export const queryTooDeep = (operation: string, depth: number, maxDepth: number): RequestRefusedError =>
  new RequestRefusedError(
    'QUERY_TOO_DEEP',
    `${operation} nests fields ${depth} levels deep; at most ${maxDepth} are allowed`,
    { depth, maxDepth },
  );

export const queryTooComplex = (operation: string, cost: number, maxCost: number): RequestRefusedError =>
  new RequestRefusedError(
    'QUERY_TOO_COMPLEX',
    `${operation} is estimated to cost ${cost}, over the limit of ${maxCost}: ` +
      'ask for smaller pages (`first`) or fewer nested lists',
    { cost, maxCost },
  );

export const introspectionDisabled = (field: string): RequestRefusedError =>
  new RequestRefusedError('INTROSPECTION_DISABLED', `Introspection (${field}) is turned off on this server`);

export const rateLimited = (retryAfterSeconds: number): RequestRefusedError =>
  new RequestRefusedError(
    'RATE_LIMITED',
    `Too many requests with this API token: retry in ${retryAfterSeconds} s`,
    { retryAfterSeconds },
    429,
  );
