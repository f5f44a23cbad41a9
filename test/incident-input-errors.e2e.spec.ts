import { DnsccServer } from './support/dnscc-server';
import { GraphqlClient } from './support/graphql-client';
import { AS_OF, GET, LIST, REPORT, TRIAGE, aReport } from './support/incident-operations';

const COUNT = 'query { incidents { totalCount } }';

describe('bad input over HTTP gets a typed error and stores nothing', () => {
  let server: DnsccServer;
  let api: GraphqlClient;

  beforeAll(async () => {
    server = await DnsccServer.start({
      env: { ROLE: 'api', BODY_LIMIT_BYTES: '65536', EVIDENCE_CONTENT_MAX_BYTES: '1024' },
    });
    api = server.client();
  });
  afterAll(() => server.dispose());

  const storedCount = async () =>
    (await api.expectData<{ incidents: { totalCount: number } }>(COUNT)).incidents.totalCount;

  it.each([
    ['empty', ''],
    ['300 characters', `${'a'.repeat(60)}.`.repeat(5).slice(0, 296) + '.com'],
    ['a space', 'exa mple.com'],
    ['hyphens at label ends', '-bad-.com'],
    ['a bare TLD', 'com'],
    ['a bare public suffix', 'co.uk'],
    ['an unknown TLD', 'phish.notarealtld'],
    ['an IP address', '192.0.2.1'],
  ])('rejects a domain with %s as BAD_USER_INPUT naming the value', async (_case, domain) => {
    const before = await storedCount();
    const error = await api.expectError(REPORT, {
      input: aReport({ domains: ['fine.example.com', domain] }),
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('domains[1]');
    expect(error.message).toContain(JSON.stringify(domain).slice(0, 60));
    expect(await storedCount()).toBe(before);
  });

  it('rejects a report without domains, a bad URL and an empty description', async () => {
    for (const input of [
      aReport({ domains: [] }),
      aReport({ urls: ['javascript:alert(1)'] }),
      aReport({ description: '   ' }),
      aReport({ contact: 'x'.repeat(5000) }),
    ]) {
      const error = await api.expectError(REPORT, { input });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await storedCount()).toBe(0);
  });

  it('answers unknown ids with NOT_FOUND and malformed ids with BAD_USER_INPUT', async () => {
    const unknown = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect((await api.expectError(GET, { id: unknown })).extensions?.code).toBe('NOT_FOUND');
    expect(
      (await api.expectError(AS_OF, { id: unknown, at: new Date().toISOString() })).extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      (await api.expectError(TRIAGE, { input: { incidentId: unknown, severity: 'LOW' } })).extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await api.expectError(GET, { id: 'not-an-id' })).extensions?.code).toBe('BAD_USER_INPUT');
    expect(await storedCount()).toBe(0);
  });

  it('types errors of the GraphQL layer itself and never leaks stack traces', async () => {
    const badEnum = await api.request(REPORT, { input: aReport({ category: 'NOT_A_CATEGORY' }) });
    expect(badEnum.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await api.request(AS_OF, { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', at: 'yesterday' });
    expect(badDate.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknownField = await api.request('query { incidents { nope } }');
    expect(unknownField.status).toBe(400);
    expect(unknownField.errors[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badCursor = await api.request(LIST, { after: 'garbage' });
    expect(badCursor.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const hugePage = await api.request(LIST, { first: 10_000 });
    expect(hugePage.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const result of [badEnum, badDate, unknownField, badCursor, hugePage]) {
      expect(JSON.stringify(result.errors)).not.toMatch(/stack|at .*\.js:\d+|exception/i);
    }
  });

  it('refuses an oversized body before parsing it, storing nothing', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${server.coordinatorToken ?? ''}`,
      },
      body: JSON.stringify({
        query: REPORT,
        variables: { input: aReport({ description: 'x'.repeat(100_000) }) },
      }),
    });
    expect(response.status).toBe(413);
    expect(await storedCount()).toBe(0);
  });

  it('rejects evidence over the content limit or with a wrong hash; hash-only evidence has no content', async () => {
    const { reportIncident } = await api.expectData<{ reportIncident: { incident: { id: string } } }>(
      REPORT,
      {
        input: aReport({ domains: ['evidence.example.com'] }),
      },
    );
    const attach = `mutation($input: AttachEvidenceInput!) { attachEvidence(input: $input) { incident { version } } }`;
    const incidentId = reportIncident.incident.id;
    const mismatch = await api.expectError(attach, {
      input: {
        incidentId,
        kind: 'LOG',
        contentBase64: Buffer.from('log line').toString('base64'),
        sha256: 'a'.repeat(64),
      },
    });
    expect(mismatch.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sha256' });
    const tooLarge = await api.expectError(attach, {
      input: { incidentId, kind: 'SCREENSHOT', contentBase64: Buffer.alloc(1025).toString('base64') },
    });
    expect(tooLarge.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64' });
    expect(tooLarge.message).toContain('1024-byte limit');
    const noHash = await api.expectError(attach, { input: { incidentId, kind: 'LOG' } });
    expect(noHash.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sha256' });
    const contentOf = 'query($i: ID!, $e: ID!) { evidenceContent(incidentId: $i, evidenceId: $e) { size } }';
    const hashOnly = await api.expectData<{ attachEvidence: { incident: { version: number } } }>(
      `mutation($input: AttachEvidenceInput!) { attachEvidence(input: $input) { incident { version evidence { id } } } }`,
      { input: { incidentId, kind: 'MALWARE_SAMPLE', sha256: 'b'.repeat(64), size: 1_048_576 } },
    );
    const [sample] = (hashOnly.attachEvidence.incident as unknown as { evidence: { id: string }[] }).evidence;
    expect((await api.expectError(contentOf, { i: incidentId, e: sample?.id })).extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await api.expectError(contentOf, { i: incidentId, e: 'no-such-evidence' })).extensions?.code,
    ).toBe('NOT_FOUND');
    const { incident } = await api.expectData<{ incident: { version: number } }>(GET, { id: incidentId });
    expect(incident.version).toBe(2);
  });
});

describe('the server around the API', () => {
  let server: DnsccServer;

  beforeAll(async () => {
    server = await DnsccServer.start();
  });
  afterAll(() => server.dispose());

  it('reports the event store and projection lag on /health', async () => {
    const response = await fetch(`${server.url}/health`);
    const body = (await response.json()) as { status: string; projections: { name: string; lag: number }[] };
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.projections).toEqual([
      expect.objectContaining({ name: 'incidents', lag: 0 }),
      expect.objectContaining({ name: 'directory', lag: 0 }),
      expect.objectContaining({ name: 'access', lag: 0 }),
    ]);
  });

  it('serves GraphiQL and its assets from local files', async () => {
    const page = await fetch(`${server.url}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    for (const asset of html.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)) {
      const response = await fetch(`${server.url}${asset[1] ?? ''}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('stops at start-up with a message naming a wrong setting', async () => {
    await expect(
      DnsccServer.start({ bootstrap: false, env: { PORT: 'eighty', EVENT_STORE: 'mongodb' } }),
    ).rejects.toThrow(/PORT="eighty"[\s\S]*EVENT_STORE="mongodb"/);
  });
});
