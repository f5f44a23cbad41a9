import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** One graphql-ws subscription whose results are collected for assertions. */
export interface Collected<Data> {
  readonly results: Data[];
  readonly errors: unknown[];
  /** Resolves with the results once `done` holds for them, or rejects after `timeoutMs`. */
  until(done: (results: readonly Data[]) => boolean, timeoutMs?: number): Promise<readonly Data[]>;
  dispose(): void;
}

/** A graphql-ws client as any browser or service would use it, authenticating in connection_init. */
export function subscriptionClient(url: string, token: string | null): Client {
  return createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token === null ? {} : { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
}

export function collect<Data>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Collected<Data> {
  const results: Data[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<Data>(
    { query, variables },
    {
      next: (value) => {
        if (value.data) results.push(value.data);
        if (value.errors) errors.push(...value.errors);
      },
      error: (error) => errors.push(error),
      complete: () => undefined,
    },
  );
  return {
    results,
    errors,
    dispose,
    async until(done, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done(results)) {
        if (Date.now() > deadline)
          throw new Error(`subscription: condition not met; got ${JSON.stringify({ results, errors })}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return results;
    },
  };
}
