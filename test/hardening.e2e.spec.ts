import { DnsccServer } from './support/dnscc-server';
import {
  bearer,
  depthAndCost,
  documentedOperations,
  introspectedSchema,
  post,
  sleep,
} from './support/hardening-fixture';
import { ISSUE_TOKEN } from './support/directory-operations';
import { graphiqlCspViolations, hasChromium } from './support/graphiql-csp';
import { aReport } from './support/incident-operations';
import { collect, subscriptionClient } from './support/subscription-client';

const PORTAL = 'https://portal.cert.example';
const NESTED = 'escalations { clocks { reminders { at } } }';
const COSTLY = `query Costly { incidents(first: 100) { edges { node { ${NESTED} } } } }`;
const PAGE = `query Page($n: Int) { incidents(first: $n) { edges { node { ${NESTED} } } } }`;
const COUNT = '{ incidents { totalCount } }';

const codeOf = (answer: Awaited<ReturnType<typeof post>>): unknown =>
  answer.body?.errors?.[0]?.extensions?.['code'];

describe('hardening with the default limits', () => {
  jest.setTimeout(60_000);
  let server: DnsccServer;
  const auth = () => bearer(server.coordinatorToken);

  beforeAll(async () => {
    server = await DnsccServer.start({ env: { CORS_ORIGINS: PORTAL } });
  });
  afterAll(() => server.dispose());

  it("keeps GraphiQL's introspection, the README examples and every suite operation within the limits", async () => {
    const schema = await introspectedSchema(server.client()); // GraphiQL's own query, answered in full
    const operations = documentedOperations();
    expect(operations.length).toBeGreaterThan(40);
    const over = operations
      .map(({ name, source }) => ({ name, ...depthAndCost(schema, source) }))
      .filter(({ depth, cost }) => depth > 12 || cost > 20_000);
    expect(over).toEqual([]);
  });

  it('refuses a costly query with QUERY_TOO_COMPLEX and HTTP 400, however its page size is given', async () => {
    const costly = await post(server.url, { query: COSTLY }, auth());
    expect(costly.status).toBe(400);
    expect(costly.body).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX' } }],
    });
    expect(costly.body?.errors?.[0]?.extensions).toMatchObject({ maxCost: 20_000 });
    // A page size from a variable counts too, also once graphql-jit has compiled the query.
    for (let n = 0; n < 3; n += 1) {
      expect((await post(server.url, { query: PAGE, variables: { n: 1 } }, auth())).status).toBe(200);
    }
    const paged = await post(server.url, { query: PAGE, variables: { n: 100 } }, auth());
    expect([paged.status, codeOf(paged)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
  });

  it("answers a request without a query as the client's mistake, not as an internal error", async () => {
    const empty = await post(server.url, { variables: {} }, auth());
    expect([empty.status, codeOf(empty)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('sends security headers with every answer, and a CSP for GraphiQL that allows only its own script', async () => {
    const answers = [
      await post(server.url, { query: COUNT }, auth()),
      await post(server.url, { query: COUNT }),
      await fetch(`${server.url}/health`),
    ];
    for (const { headers } of answers) {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    const graphiql = await fetch(`${server.url}/graphiql`);
    const scriptSrc = /script-src ([^;]*)/.exec(graphiql.headers.get('content-security-policy') ?? '')?.[1];
    expect(scriptSrc).toMatch(/^'self' 'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(graphiql.headers.get('x-frame-options')).toBe('DENY');
  });

  (hasChromium() ? it : it.skip)('lets GraphiQL run in Chromium without any CSP violation', async () => {
    expect(await graphiqlCspViolations(server.url, server.coordinatorToken ?? '')).toEqual([]);
  });

  it('answers CORS for the configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight(PORTAL);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

    const fromPortal = await post(server.url, { query: COUNT }, { ...auth(), origin: PORTAL });
    expect(fromPortal.status).toBe(200);
    expect(fromPortal.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(fromPortal.headers.get('access-control-expose-headers')).toContain('retry-after');
    const fromElsewhere = await post(
      server.url,
      { query: COUNT },
      { ...auth(), origin: 'https://evil.example' },
    );
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('hardening in production mode, with low limits', () => {
  jest.setTimeout(60_000);
  let server: DnsccServer;
  const auth = () => bearer(server.coordinatorToken);
  const report = (selection: string) => ({
    query: `mutation R($input: ReportIncidentInput!) { reportIncident(input: $input) { ${selection} } }`,
    variables: { input: aReport({ domains: ['limits.example.com'] }) },
  });

  beforeAll(async () => {
    const env = { NODE_ENV: 'production', GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_COST: '30' };
    server = await DnsccServer.start({ env });
  });
  afterAll(() => server.dispose());

  it('refuses too deep and too costly operations with their codes, storing nothing', async () => {
    const deep = await post(server.url, report(`incident { ${NESTED} }`), auth());
    expect([deep.status, codeOf(deep)]).toEqual([400, 'QUERY_TOO_DEEP']);
    expect(deep.body?.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_DEEP', depth: 6, maxDepth: 4 });
    const costly = await post(
      server.url,
      report('incident { domains { name } evidence { sha256 } comments { text } }'),
      auth(),
    );
    expect([costly.status, codeOf(costly)]).toEqual([400, 'QUERY_TOO_COMPLEX']);
    const { incidents } = await server.client().expectData<{ incidents: { totalCount: number } }>(COUNT);
    expect(incidents.totalCount).toBe(0);
    expect((await post(server.url, report('incident { id }'), auth())).status).toBe(200);
  });

  it('applies the depth limit to subscriptions over graphql-ws', async () => {
    const client = subscriptionClient(`${server.url}/graphql`, server.coordinatorToken);
    const deep = collect(client, `subscription { incidentUpdated(id: "${'0'.repeat(8)}") { ${NESTED} } }`);
    await deep.until(() => deep.errors.length > 0);
    expect(JSON.stringify(deep.errors)).toContain('QUERY_TOO_DEEP');
    deep.dispose();
    await client.dispose();
  });

  it('answers no introspection and serves no GraphiQL', async () => {
    const introspection = await post(server.url, { query: '{ __schema { queryType { name } } }' }, auth());
    expect([introspection.status, codeOf(introspection)]).toEqual([400, 'INTROSPECTION_DISABLED']);
    expect((await post(server.url, { query: '{ __typename }' }, auth())).status).toBe(200);
    expect((await fetch(`${server.url}/graphiql`)).status).toBe(404);
  });
});

describe('production mode with GraphiQL and introspection turned on', () => {
  it('serves both', async () => {
    const env = { NODE_ENV: 'production', GRAPHIQL: 'true', GRAPHQL_INTROSPECTION: 'true' };
    const server = await DnsccServer.start({ env });
    try {
      await introspectedSchema(server.client());
      expect((await fetch(`${server.url}/graphiql`)).status).toBe(200);
    } finally {
      await server.dispose();
    }
  });
});

describe('per-token rate limits (60 a minute, bursts of 5)', () => {
  jest.setTimeout(60_000);

  it('answers 429 with Retry-After and RATE_LIMITED from the 6th rapid request, for that token only', async () => {
    const server = await DnsccServer.start({ env: { RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '5' } });
    try {
      const coordinator = server.client();
      const { me } = await coordinator.expectData<{ me: { member: { id: string } } }>(
        '{ me { member { id } } }',
      );
      const { issueApiToken } = await coordinator.expectData<{ issueApiToken: { token: string } }>(
        ISSUE_TOKEN,
        {
          input: { memberId: me.member.id, label: 'rate limit test' },
        },
      );
      const busy = bearer(issueApiToken.token);
      const answers = [];
      for (let n = 0; n < 7; n += 1) answers.push(await post(server.url, { query: '{ __typename }' }, busy));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const limited = answers[5]!;
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
      expect(limited.body).toEqual({
        errors: [
          {
            message: expect.stringContaining('Too many requests') as unknown,
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 },
          },
        ],
      });
      // Refused before the body is read: a malformed one gets the same answer.
      expect((await post(server.url, '{"query": ', busy)).status).toBe(429);
      // Opening a subscription connection counts too: refused for this token, accepted for another.
      const subscribe = (token: string) =>
        collect(
          subscriptionClient(`${server.url}/graphql`, token),
          'subscription { myEscalationsChanged { id } }',
        );
      const limitedInbox = subscribe(issueApiToken.token);
      const otherInbox = subscribe(server.coordinatorToken ?? '');
      await limitedInbox.until(() => limitedInbox.errors.length > 0);
      expect(String(limitedInbox.errors[0])).toContain('connection_error'); // Mercurius' refusal
      await sleep(200);
      expect(otherInbox.errors).toEqual([]);
      limitedInbox.dispose();
      otherInbox.dispose();

      expect(
        (await post(server.url, { query: '{ __typename }' }, bearer(server.coordinatorToken))).status,
      ).toBe(200);
      await sleep(1100);
      expect((await post(server.url, { query: '{ __typename }' }, busy)).status).toBe(200);
    } finally {
      await server.dispose();
    }
  });
});
