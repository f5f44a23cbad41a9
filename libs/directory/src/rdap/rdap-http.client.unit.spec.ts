import { RdapHttpClient, type RdapHttpOptions } from './rdap-http.client';
import { FakeTime } from './testing/fake-time';

const URL_A = 'https://rdap.registry.example/domain/a.example';
const DOMAIN = '{"objectClassName":"domain","ldhName":"a.example"}';

type Reply = Response | { readonly reject: Error };

/** A fetch that answers the scripted replies in turn (the last one repeats) and records each call. */
function scriptedFetch(...replies: (() => Reply)[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (url: string, init: RequestInit): Promise<Response> => {
    calls.push({ url, init });
    const reply = (
      replies[Math.min(calls.length - 1, replies.length - 1)] ?? (() => ({ reject: new Error('no reply') }))
    )();
    return 'reject' in reply ? Promise.reject(reply.reject) : Promise.resolve(reply);
  };
  return { fetch, calls };
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new Response(code === 200 ? DOMAIN : 'x', { status: code, headers });
const fetchFailed = () => ({
  reject: new TypeError('fetch failed', {
    cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
  }),
});
const timedOut = () => ({
  reject: new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
});

function clientWith(fetch: RdapHttpOptions['fetch'], options: Partial<RdapHttpOptions> = {}) {
  const time = new FakeTime();
  const client = new RdapHttpClient({
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    ...(fetch === undefined ? {} : { fetch }),
    ...options,
  });
  return { client, time };
}

describe('RdapHttpClient', () => {
  it('asks for RDAP JSON and returns the parsed body', async () => {
    const { fetch, calls } = scriptedFetch(status(200));
    const { client } = clientWith(fetch, { userAgent: 'dnscc-test' });
    expect(await client.get(URL_A)).toEqual({
      kind: 'found',
      url: URL_A,
      body: DOMAIN,
      json: JSON.parse(DOMAIN) as unknown,
    });
    expect(calls[0]?.init.headers).toEqual({
      accept: 'application/rdap+json, application/json',
      'user-agent': 'dnscc-test',
    });
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('reports 404 as not found, without retrying', async () => {
    const { fetch, calls } = scriptedFetch(status(404));
    expect(await clientWith(fetch).client.get(URL_A)).toEqual({ kind: 'not_found', url: URL_A });
    expect(calls).toHaveLength(1);
  });

  it.each([400, 403, 422])('fails on HTTP %i at once', async (code) => {
    const { fetch, calls } = scriptedFetch(status(code));
    expect(await clientWith(fetch).client.get(URL_A)).toEqual({
      kind: 'failed',
      url: URL_A,
      reason: `HTTP ${code}`,
    });
    expect(calls).toHaveLength(1);
  });

  it('retries 5xx, network errors and timeouts with exponential backoff', async () => {
    const { fetch, calls } = scriptedFetch(status(503), fetchFailed, status(200));
    const { client, time } = clientWith(fetch);
    expect(await client.get(URL_A)).toMatchObject({ kind: 'found' });
    expect(calls).toHaveLength(3);
    expect(time.sleeps).toEqual([188, 375]);
  });

  it('gives up after the configured retries and says why', async () => {
    const { fetch, calls } = scriptedFetch(timedOut);
    const { client } = clientWith(fetch, { timeoutMs: 1500 });
    expect(await client.get(URL_A)).toEqual({
      kind: 'failed',
      url: URL_A,
      reason: 'no answer within 1500 ms; gave up after 3 attempts',
    });
    expect(calls).toHaveLength(3);
    const network = clientWith(scriptedFetch(fetchFailed).fetch, { retry: { retries: 0 } });
    expect(await network.client.get(URL_A)).toMatchObject({
      reason: 'network error: ECONNREFUSED; gave up after 1 attempt',
    });
  });

  it('waits as long as a 429 Retry-After asks, within the cap', async () => {
    const { fetch } = scriptedFetch(status(429, { 'retry-after': '3' }), status(200));
    const { client, time } = clientWith(fetch);
    expect(await client.get(URL_A)).toMatchObject({ kind: 'found' });
    expect(time.sleeps).toEqual([3000]);
  });

  it('gives up without waiting when Retry-After is beyond the cap', async () => {
    const { fetch, calls } = scriptedFetch(status(429, { 'retry-after': '120' }), status(200));
    const { client, time } = clientWith(fetch);
    expect(await client.get(URL_A)).toEqual({
      kind: 'failed',
      url: URL_A,
      reason: 'HTTP 429; the server asked to retry after 120 s, more than the 10 s we wait',
    });
    expect(calls).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
  });

  it('refuses a body over the size cap, declared or streamed', async () => {
    const body = JSON.stringify({ objectClassName: 'domain', padding: 'x'.repeat(1000) });
    const size = Buffer.byteLength(body);
    const declared = scriptedFetch(() => new Response(body, { headers: { 'content-length': String(size) } }));
    const streamed = scriptedFetch(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(body.slice(0, 600)));
              controller.enqueue(new TextEncoder().encode(body.slice(600)));
              controller.close();
            },
          }),
        ),
    );
    expect(await clientWith(declared.fetch, { maxBodyBytes: size }).client.get(URL_A)).toMatchObject({
      kind: 'found',
    });
    expect(await clientWith(declared.fetch, { maxBodyBytes: size - 1 }).client.get(URL_A)).toEqual({
      kind: 'failed',
      url: URL_A,
      reason: `response body larger than ${size - 1} bytes`,
    });
    expect(await clientWith(streamed.fetch, { maxBodyBytes: 700 }).client.get(URL_A)).toEqual({
      kind: 'failed',
      url: URL_A,
      reason: 'response body larger than 700 bytes',
    });
  });

  it('fails on malformed JSON, naming the problem', async () => {
    const { fetch, calls } = scriptedFetch(() => new Response('{"objectClassName": "domain",'));
    const result = await clientWith(fetch).client.get(URL_A);
    expect(result).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^malformed JSON in the response: /) as unknown,
    });
    expect(calls).toHaveLength(1);
  });

  it('counts every attempt, retries included, against the server rate limit', async () => {
    const { fetch } = scriptedFetch(status(503), status(200));
    const { client, time } = clientWith(fetch, { rateLimit: { requestsPerSecond: 1, burst: 1 } });
    await client.get(URL_A);
    await client.get(URL_A);
    // Backoff 188 ms, then the bucket still owes 812 ms; the next lookup waits a full second.
    expect(time.sleeps).toEqual([188, 812, 1000]);
  });
});
