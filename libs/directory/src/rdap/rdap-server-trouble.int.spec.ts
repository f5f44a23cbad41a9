import { fixtureRdapClient } from './testing/fixture-rdap-client';
import { RdapFixtureServer } from './testing/rdap-fixture.server';

const DOMAIN = JSON.stringify({ objectClassName: 'domain', ldhName: 'busy.example', status: ['active'] });

describe('RdapClient when the registry server misbehaves', () => {
  let server: RdapFixtureServer;
  const urlOf = (domain: string) => `${server.baseUrl}example/domain/${domain}`;
  beforeEach(async () => {
    server = await RdapFixtureServer.start();
  });
  afterEach(() => server.close());

  it('fails within the configured timeout when the server never answers', async () => {
    server.route('example/domain/slow.example', { hang: true });
    const { client } = fixtureRdapClient(server, { http: { timeoutMs: 300, retry: { retries: 0 } } });
    const started = performance.now();
    expect(await client.lookupDomain('slow.example')).toEqual({
      kind: 'failed',
      reason: 'no answer within 300 ms; gave up after 1 attempt',
      source: urlOf('slow.example'),
    });
    // Loose bounds on purpose: they show the timeout fired, not how fast this machine is.
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('retries a timed-out request before giving up', async () => {
    server.route('example/domain/slow.example', { hang: true });
    const { client } = fixtureRdapClient(server, { http: { timeoutMs: 200, retry: { retries: 1 } } });
    expect(await client.lookupDomain('slow.example')).toMatchObject({
      kind: 'failed',
      reason: 'no answer within 200 ms; gave up after 2 attempts',
    });
    expect(server.count('example/domain/slow.example')).toBe(2);
  });

  it('answers not_found for a 404', async () => {
    const { client, time } = fixtureRdapClient(server);
    expect(await client.lookupDomain('missing.example')).toEqual({
      kind: 'not_found',
      source: urlOf('missing.example'),
      fetchedAt: time.iso(),
    });
    expect(server.count('example/domain/missing.example')).toBe(1);
  });

  it('waits out a 429 with Retry-After, then reads the answer', async () => {
    server.route(
      'example/domain/busy.example',
      { status: 429, headers: { 'retry-after': '2' } },
      { body: DOMAIN },
    );
    const { client, time } = fixtureRdapClient(server);
    expect(await client.lookupDomain('busy.example')).toMatchObject({ kind: 'found', status: ['active'] });
    expect(time.sleeps).toEqual([2000]);
    expect(server.count('example/domain/busy.example')).toBe(2);
  });

  it('gives up on a server that answers 429 forever', async () => {
    server.route('example/domain/busy.example', { status: 429, headers: { 'retry-after': '1' } });
    const { client, time } = fixtureRdapClient(server);
    expect(await client.lookupDomain('busy.example')).toEqual({
      kind: 'failed',
      reason: 'HTTP 429; gave up after 3 attempts',
      source: urlOf('busy.example'),
    });
    expect(time.sleeps).toEqual([1000, 1000]);
    expect(server.count('example/domain/busy.example')).toBe(3);
  });

  it('does not retry a 403', async () => {
    server.route('example/domain/closed.example', { status: 403, body: '{"errorCode":403}' });
    const { client } = fixtureRdapClient(server);
    expect(await client.lookupDomain('closed.example')).toMatchObject({ kind: 'failed', reason: 'HTTP 403' });
    expect(server.count('example/domain/closed.example')).toBe(1);
  });

  it('fails on malformed JSON, saying so', async () => {
    server.route('example/domain/broken.example', { body: '{"objectClassName": "domain", "status": [' });
    const { client } = fixtureRdapClient(server);
    expect(await client.lookupDomain('broken.example')).toEqual({
      kind: 'failed',
      reason: expect.stringMatching(/^malformed JSON in the response: /) as unknown,
      source: urlOf('broken.example'),
    });
  });

  it('fails on a body over the size cap', async () => {
    server.route('example/domain/huge.example', { body: JSON.stringify({ padding: 'x'.repeat(4096) }) });
    const { client } = fixtureRdapClient(server, { http: { maxBodyBytes: 1024 } });
    expect(await client.lookupDomain('huge.example')).toMatchObject({
      kind: 'failed',
      reason: 'response body larger than 1024 bytes',
    });
  });

  it('fails with a network error when nothing listens', async () => {
    const { client } = fixtureRdapClient(server, { http: { retry: { retries: 0 } } });
    await server.close();
    expect(await client.lookupDomain('gone.example')).toMatchObject({
      kind: 'failed',
      reason: 'network error: ECONNREFUSED; gave up after 1 attempt',
    });
    server = await RdapFixtureServer.start();
  });
});
