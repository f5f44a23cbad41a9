import { DEFAULT_RDAP_RETRY_POLICY, backoffDelayMs, decideRetry, retryAfterMs } from './rdap-retry.policy';

const policy = DEFAULT_RDAP_RETRY_POLICY;

describe('backoffDelayMs', () => {
  it('doubles per retry, jittered between half and all of the exponential delay', () => {
    expect([1, 2, 3].map((retry) => backoffDelayMs(retry, policy, () => 0))).toEqual([125, 250, 500]);
    expect([1, 2, 3].map((retry) => backoffDelayMs(retry, policy, () => 0.999_999))).toEqual([
      250, 500, 1000,
    ]);
  });

  it('never exceeds the ceiling', () => {
    expect(backoffDelayMs(20, policy, () => 0.999_999)).toBe(policy.maxDelayMs);
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-11-27T10:00:00Z');

  it('reads delay-seconds and HTTP-dates', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Fri, 27 Nov 2026 10:00:07 GMT', now)).toBe(7000);
    expect(retryAfterMs('Fri, 27 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('gives null for a missing or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('', now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-5', now)).toBeNull();
  });
});

describe('decideRetry', () => {
  const random = () => 0.5;

  it('retries with backoff, or with the delay the server asked for', () => {
    expect(decideRetry(0, null, policy, random)).toEqual({ kind: 'retry', delayMs: 188 });
    expect(decideRetry(1, null, policy, random)).toEqual({ kind: 'retry', delayMs: 375 });
    expect(decideRetry(0, 2000, policy, random)).toEqual({ kind: 'retry', delayMs: 2000 });
    expect(decideRetry(0, 10_000, policy, random)).toEqual({ kind: 'retry', delayMs: 10_000 });
  });

  it('gives up when the retries are spent', () => {
    expect(decideRetry(2, null, policy, random)).toEqual({
      kind: 'give_up',
      reason: 'gave up after 3 attempts',
    });
    expect(decideRetry(0, null, { ...policy, retries: 0 }, random)).toEqual({
      kind: 'give_up',
      reason: 'gave up after 1 attempt',
    });
  });

  it('gives up at once when the server asks for a longer wait than the cap', () => {
    expect(decideRetry(0, 10_001, policy, random)).toEqual({
      kind: 'give_up',
      reason: 'the server asked to retry after 11 s, more than the 10 s we wait',
    });
  });
});
