import { type Bucket, retryAfterSeconds, type Take, takeToken } from './token-bucket';

const policy = { perMinute: 60, burst: 5 }; // one token a second, five at once

/** Requests at the given instants (ms) against one bucket; returns each answer. */
function requestsAt(instants: readonly number[]): Take[] {
  let bucket: Bucket | undefined;
  return instants.map((now) => {
    const take = takeToken(bucket, now, policy);
    bucket = take.bucket;
    return take;
  });
}

describe('the token bucket', () => {
  it('allows a burst of `burst` requests at once, then refuses with the wait for one token', () => {
    const takes = requestsAt([0, 0, 0, 0, 0, 0, 0]);
    expect(takes.map((t) => t.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(takes[5]).toMatchObject({ waitMs: 1000, bucket: { tokens: 0, at: 0 } });
  });

  it('refills at perMinute/60000 tokens a millisecond, up to the burst and no further', () => {
    const takes = requestsAt([0, 0, 0, 0, 0, 500, 1000, 1000, 60_000]);
    expect(takes.map((t) => t.allowed)).toEqual([true, true, true, true, true, false, true, false, true]);
    expect(takes[5]?.waitMs).toBe(500);
    expect(takes[8]?.bucket.tokens).toBe(4); // full (5) after a minute, minus this request
  });

  it('takes nothing for a refused request, so waiting Retry-After is enough', () => {
    const takes = requestsAt([0, 0, 0, 0, 0, 10, 20, 30, 1000]);
    expect(takes.slice(5, 8).every((t) => !t.allowed)).toBe(true);
    expect(takes[8]?.allowed).toBe(true);
  });

  it('refills nothing for a clock that went back (another api process), and keeps the later time', () => {
    const takes = requestsAt([10_000, 10_000, 10_000, 10_000, 10_000, 9_000]);
    expect(takes[5]).toMatchObject({ allowed: false, bucket: { at: 10_000 } });
  });

  it('keeps a bucket only until it would be full again (plus a second)', () => {
    const [first] = requestsAt([0]);
    expect(first?.ttlMs).toBe(1000 + 1000);
    const drained = requestsAt([0, 0, 0, 0, 0]).at(-1);
    expect(drained?.ttlMs).toBe(5000 + 1000);
  });

  it('rounds Retry-After up to whole seconds, at least one', () => {
    expect([0, 1, 999, 1000, 1001, 59_001].map(retryAfterSeconds)).toEqual([1, 1, 1, 1, 2, 60]);
  });
});
