import { Logger } from '@nestjs/common';
import fc from 'fast-check';
import { RedisTestServer } from '@test/support/redis-server';
import { RedisRateLimiter } from './rate-limiter.service';
import { type Bucket, refillPerMs, TOKEN_BUCKET_LUA, takeToken } from './token-bucket';

const policy = { perMinute: 60, burst: 5 };

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the token bucket in Redis (one Lua script)', () => {
  let server: RedisTestServer;
  beforeAll(async () => {
    server = await RedisTestServer.start();
  });
  afterAll(() => server.stop());

  it('answers exactly as takeToken does, for any policy and any sequence of request times', async () => {
    const client = server.client();
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            perMinute: fc.integer({ min: 1, max: 100_000 }),
            burst: fc.integer({ min: 1, max: 50 }),
          }),
          fc.array(fc.integer({ min: -2_000, max: 5_000 }), { minLength: 1, maxLength: 40 }),
          async (randomPolicy, steps) => {
            const key = `test:bucket:${(run += 1)}`;
            let now = 1_800_000_000_000;
            let expected: Bucket | undefined;
            for (const step of steps) {
              now += step; // negative steps: another process's clock, a little behind
              const take = takeToken(expected, now, randomPolicy);
              expected = take.bucket;
              const args = [now, refillPerMs(randomPolicy), randomPolicy.burst];
              const [allowed, waitMs] = (await client.eval(TOKEN_BUCKET_LUA, 1, key, ...args)) as number[];
              expect({ allowed: allowed === 1, waitMs }).toEqual({
                allowed: take.allowed,
                waitMs: take.waitMs,
              });
              const stored = await client.hmget(key, 'tokens', 'at');
              expect(stored.map(Number)).toEqual([take.bucket.tokens, take.bucket.at]);
              const ttl = await client.pttl(key);
              expect(ttl).toBeGreaterThan(take.ttlMs - 1000);
              expect(ttl).toBeLessThanOrEqual(take.ttlMs);
            }
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      client.disconnect();
    }
  });

  it('limits each API token on its own, with the wait in whole seconds, and shares a budget between processes', async () => {
    let now = 1_800_000_000_000;
    const clock = (): number => now;
    const first = new RedisRateLimiter(server.url, policy, clock);
    const second = new RedisRateLimiter(server.url, policy, clock);
    await Promise.all([first.onApplicationBootstrap(), second.onApplicationBootstrap()]);
    try {
      const answers = [];
      for (let n = 0; n < 6; n += 1) answers.push(await (n % 2 ? first : second).take('token-a'));
      expect(answers.slice(0, 5).every((a) => a.allowed)).toBe(true);
      expect(answers[5]).toEqual({ allowed: false, retryAfterSeconds: 1 });
      expect(await first.take('token-b')).toEqual({ allowed: true });
      now += 1000;
      expect(await second.take('token-a')).toEqual({ allowed: true });
      const probe = server.client();
      expect(await probe.pttl('dnscc:rate:token-a')).toBeGreaterThan(0);
      probe.disconnect();
    } finally {
      await Promise.all([first.beforeApplicationShutdown(), second.beforeApplicationShutdown()]);
    }
  });
});

describe('the rate limiter without Redis', () => {
  it('lets requests through with one warning while Redis is down, and limits again once it is back', async () => {
    const server = await RedisTestServer.start();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    const limiter = new RedisRateLimiter(server.url, { perMinute: 60, burst: 1 }, () => 1_800_000_000_000);
    try {
      await limiter.onApplicationBootstrap();
      expect(await limiter.take('t')).toEqual({ allowed: true });
      expect((await limiter.take('t')).allowed).toBe(false);

      await server.kill9();
      for (let n = 0; n < 5; n += 1) expect(await limiter.take('t')).toEqual({ allowed: true });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/requests pass without per-token rate limits/);

      await server.restart(); // no persistence: the bucket starts full again
      await until(async () => !(await limiter.take('t')).allowed);
      expect(String(log.mock.calls.at(-1)?.[0])).toMatch(/Redis answers again/);
    } finally {
      warn.mockRestore();
      log.mockRestore();
      await limiter.beforeApplicationShutdown();
      await server.stop();
    }
  });

  it('lets requests through when Redis is not there at start', async () => {
    const server = await RedisTestServer.start();
    await server.stop();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const limiter = new RedisRateLimiter(server.url, policy);
    try {
      await limiter.onApplicationBootstrap();
      expect(await limiter.take('t')).toEqual({ allowed: true });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
      await limiter.beforeApplicationShutdown();
    }
  });
});
