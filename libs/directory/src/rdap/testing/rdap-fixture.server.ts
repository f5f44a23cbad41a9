import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned answer; `hang` accepts the request and never answers. */
export interface FixtureReply {
  readonly status?: number;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly hang?: boolean;
}

/**
 * A real HTTP server on 127.0.0.1 serving recorded RDAP answers by path. A route given several
 * replies answers them in turn and then repeats the last one (e.g. 429, then 200). Unknown paths
 * answer 404, as an RDAP server does for a domain it does not hold.
 */
export class RdapFixtureServer {
  /** Paths requested, in order, with their query strings. */
  readonly requests: string[] = [];
  /** Accept header of each request, in order. */
  readonly acceptHeaders: string[] = [];
  private readonly routes = new Map<string, { replies: readonly FixtureReply[]; served: number }>();

  private readonly server: Server = createServer((request, response) => {
    this.answer(request, response);
  });
  private url = '';

  private constructor() {}

  /** `http://127.0.0.1:<port>/` */
  get baseUrl(): string {
    return this.url;
  }

  static async start(): Promise<RdapFixtureServer> {
    const fixture = new RdapFixtureServer();
    await new Promise<void>((resolve) => fixture.server.listen(0, '127.0.0.1', resolve));
    fixture.url = `http://127.0.0.1:${(fixture.server.address() as AddressInfo).port}/`;
    return fixture;
  }

  /** Serve `replies` at `path` (no leading slash), replacing an earlier route there. */
  route(path: string, ...replies: FixtureReply[]): void {
    this.routes.set(`/${path}`, { replies, served: 0 });
  }

  /** How many requests reached `path` (no leading slash). */
  count(path: string): number {
    return this.requests.filter((requested) => requested === `/${path}`).length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => {
        if (error === undefined) resolve();
        else reject(error);
      });
    });
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.requests.push(path);
    this.acceptHeaders.push(request.headers.accept ?? '');
    const route = this.routes.get(path);
    const reply = route?.replies[Math.min(route.served, route.replies.length - 1)] ?? { status: 404 };
    if (route !== undefined) route.served += 1;
    if (reply.hang === true) return;
    response.writeHead(reply.status ?? 200, { 'content-type': 'application/rdap+json', ...reply.headers });
    response.end(reply.body ?? '');
  }
}

/** A recorded answer with its `related` links moved to `registrarBase`, keeping host and path below it. */
export function withRelatedLinksAt(recorded: string, registrarBase: string): string {
  const json = JSON.parse(recorded) as { links?: { rel?: string; href?: string; value?: string }[] };
  for (const link of json.links ?? []) {
    if (link.rel !== 'related' || link.href === undefined) continue;
    const original = new URL(link.href);
    link.href = `${registrarBase}${original.host}${original.pathname}`;
    link.value = link.href;
  }
  return JSON.stringify(json);
}
