/** How often and how patiently an RDAP request is retried after a transient failure. */
export interface RdapRetryPolicy {
  /** Retries after the first attempt; default 2. */
  readonly retries: number;
  /** Delay before the first retry, doubled for each next one; default 250 ms. */
  readonly baseDelayMs: number;
  /** Ceiling of the exponential delay; default 4 000 ms. */
  readonly maxDelayMs: number;
  /** Longest `Retry-After` honoured; a server asking for more is given up on. Default 10 000 ms. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RDAP_RETRY_POLICY: RdapRetryPolicy = {
  retries: 2,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxRetryAfterMs: 10_000,
};

/**
 * Delay before retry number `retry` (1-based): exponential, with "equal jitter" (half fixed, half
 * random) so clients that failed together do not retry in step, yet never retry at once.
 *
 * @param random a number in [0, 1), injected so tests are deterministic.
 */
export function backoffDelayMs(retry: number, policy: RdapRetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/**
 * Milliseconds a `Retry-After` header asks to wait (RFC 9110 §10.2.3: delay-seconds or an
 * HTTP-date); null when absent or unreadable, so the caller falls back to its own backoff.
 */
export function retryAfterMs(header: string | null, now: Date): number | null {
  const value = header?.trim() ?? '';
  if (value === '') return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Every HTTP-date form starts with a day name; without that check Date.parse reads "-5" as a year.
  const date = /^[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

/** What to do after a transient failure of attempt `attempt` (0 = the first request). */
export type RetryDecision =
  | { readonly kind: 'retry'; readonly delayMs: number }
  | { readonly kind: 'give_up'; readonly reason: string };

/** Retry with the server's `Retry-After` when it gives one, else with backoff, until retries run out. */
export function decideRetry(
  attempt: number,
  serverDelayMs: number | null,
  policy: RdapRetryPolicy,
  random: () => number,
): RetryDecision {
  const attempts = attempt + 1;
  if (attempt >= policy.retries) {
    return { kind: 'give_up', reason: `gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}` };
  }
  if (serverDelayMs !== null && serverDelayMs > policy.maxRetryAfterMs) {
    const asked = Math.ceil(serverDelayMs / 1000);
    const cap = Math.floor(policy.maxRetryAfterMs / 1000);
    return {
      kind: 'give_up',
      reason: `the server asked to retry after ${asked} s, more than the ${cap} s we wait`,
    };
  }
  return { kind: 'retry', delayMs: serverDelayMs ?? backoffDelayMs(attempts, policy, random) };
}
