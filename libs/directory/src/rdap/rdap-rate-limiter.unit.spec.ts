import { PerOriginRateLimiter } from './rdap-rate-limiter';
import { FakeTime } from './testing/fake-time';

const REGISTRY = 'https://rdap.registry.example/v1/domain/a.example';
const OTHER = 'https://rdap.other.example/domain/b.other';

describe('PerOriginRateLimiter', () => {
  const limiterAt = (time: FakeTime) =>
    new PerOriginRateLimiter({
      limit: { requestsPerSecond: 5, burst: 5 },
      clock: time.clock,
      sleep: time.sleep,
    });

  it('lets a burst through, then spaces requests at the sustained rate', async () => {
    const time = new FakeTime();
    const limiter = limiterAt(time);
    for (let request = 0; request < 8; request += 1) await limiter.acquire(REGISTRY);
    expect(time.sleeps).toEqual([200, 200, 200]);
  });

  it('queues concurrent callers in arrival order without overspending', () => {
    const time = new FakeTime();
    const limiter = limiterAt(time);
    const waits = Array.from({ length: 8 }, () => limiter.reserve('https://rdap.registry.example'));
    expect(waits).toEqual([0, 0, 0, 0, 0, 200, 400, 600]);
  });

  it('refills with time, up to the burst', async () => {
    const time = new FakeTime();
    const limiter = limiterAt(time);
    for (let request = 0; request < 5; request += 1) await limiter.acquire(REGISTRY);
    time.advance(400);
    await limiter.acquire(REGISTRY);
    await limiter.acquire(REGISTRY);
    expect(time.sleeps).toEqual([]);
    await limiter.acquire(REGISTRY);
    expect(time.sleeps).toEqual([200]);

    time.advance(60_000);
    for (let request = 0; request < 5; request += 1) await limiter.acquire(REGISTRY);
    expect(time.sleeps).toEqual([200]);
  });

  it('keeps one bucket per server, so a busy registry does not slow the others', async () => {
    const time = new FakeTime();
    const limiter = limiterAt(time);
    for (let request = 0; request < 5; request += 1) await limiter.acquire(REGISTRY);
    await limiter.acquire(OTHER);
    expect(time.sleeps).toEqual([]);
  });
});
