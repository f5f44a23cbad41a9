import fc from 'fast-check';
import { abbreviate, toJsonText } from './hostile-encoding';
import type { Exchange } from './hostile-oracle';

/** Who a hostile request authenticates as: the coordinator (default), nobody, or a raw header. */
export type Credentials = { readonly as: 'coordinator' | 'csirt' | 'none' } | { readonly header: string };

/** What a request needs beyond its method, path, headers and body. */
export interface RequestOptions {
  /**
   * The mutation field whose non-null answer means the request was accepted and may have stored
   * something; null (the default) when an accepted answer stores nothing (queries,
   * validateIncidentReport, operations refused by construction).
   */
  readonly writes?: string | null;
  readonly credentials?: Credentials;
  /** Further expectations on the answer, beyond those every answer must meet. */
  readonly expect?: (exchange: Exchange) => string[];
}

/** One hostile HTTP request. */
export class HostileRequest {
  readonly writes: string | null;
  readonly credentials: Credentials;
  readonly expect: (exchange: Exchange) => string[];

  constructor(
    readonly label: string,
    readonly method: string,
    readonly path: string,
    readonly headers: Readonly<Record<string, string>>,
    readonly body: string | Uint8Array | undefined,
    options: RequestOptions = {},
  ) {
    this.writes = options.writes ?? null;
    this.credentials = options.credentials ?? { as: 'coordinator' };
    this.expect = options.expect ?? (() => []);
  }

  bodyText(): string | undefined {
    return this.body instanceof Uint8Array ? Buffer.from(this.body).toString('latin1') : this.body;
  }

  /** How fast-check prints a counterexample: short, with the label first. */
  [fc.toStringMethod](): string {
    const who =
      'header' in this.credentials
        ? `authorization ${JSON.stringify(this.credentials.header)}`
        : this.credentials.as;
    const body = this.bodyText();
    return `${this.label}: ${this.method} ${abbreviate(this.path, 300)} as ${abbreviate(who, 120)} ${
      body === undefined ? '' : abbreviate(body, 400)
    }`;
  }
}

/** A GraphQL operation over POST with JSON, as clients send it. */
export function graphqlRequest(
  label: string,
  query: string,
  variables: unknown,
  options: RequestOptions = {},
): HostileRequest {
  const body = `{"query":${JSON.stringify(query)},"variables":${toJsonText(variables)}}`;
  return new HostileRequest(
    label,
    'POST',
    '/graphql',
    { 'content-type': 'application/json', accept: 'application/json' },
    body,
    options,
  );
}
