/** A GraphQL error as the API returns it. */
export interface GraphqlError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

export interface GraphqlResponse<Data> {
  readonly status: number;
  readonly data: Data | null;
  readonly errors: readonly GraphqlError[];
}

/** GraphQL over HTTP POST with JSON, as any client speaks it. */
export class GraphqlClient {
  constructor(
    private readonly endpoint: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphqlResponse<Data>> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...this.headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Data | null; errors?: GraphqlError[] };
    return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
  }

  /** Fails the test with the server's errors unless the operation succeeded. */
  async expectData<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Data> {
    const result = await this.request<Data>(query, variables);
    if (result.errors.length > 0 || result.data === null) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    }
    return result.data;
  }

  /** Returns the single error's code, failing if the operation succeeded. */
  async expectError(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlError> {
    const result = await this.request(query, variables);
    const [error] = result.errors;
    if (!error) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    return error;
  }
}
