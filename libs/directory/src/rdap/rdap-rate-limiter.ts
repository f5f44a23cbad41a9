import { setTimeout as delay } from 'node:timers/promises';
import { systemClock, type Clock } from '@app/core';

/** Waits `ms` milliseconds; injected so tests of backoff and rate limits need no real waiting. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => delay(ms);

/** Requests allowed to one RDAP server (URL origin). */
export interface RdapRateLimit {
  /** Sustained rate; default 5. */
  readonly requestsPerSecond: number;
  /** Requests allowed back to back after a quiet spell; default 5. */
  readonly burst: number;
}

export const DEFAULT_RDAP_RATE_LIMIT: RdapRateLimit = { requestsPerSecond: 5, burst: 5 };

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/**
 * A token bucket per server origin, so a burst of lookups in one TLD queues up in front of that
 * registry instead of hammering it (registries throttle or block abusive clients), while other
 * servers are not slowed down. A caller takes its token at once, possibly driving the bucket
 * below zero, and then sleeps off the debt: concurrent callers thus queue in arrival order
 * without a lock.
 */
export class PerOriginRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  private readonly limit: RdapRateLimit;
  private readonly clock: Clock;
  private readonly sleep: Sleep;

  constructor(
    options: { readonly limit?: RdapRateLimit; readonly clock?: Clock; readonly sleep?: Sleep } = {},
  ) {
    this.limit = options.limit ?? DEFAULT_RDAP_RATE_LIMIT;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Resolves when a request to the origin of `url` may go out. */
  async acquire(url: string): Promise<void> {
    const waitMs = this.reserve(originOf(url));
    if (waitMs > 0) await this.sleep(waitMs);
  }

  /** Take a token from the origin's bucket; returns how long the caller must wait for it. */
  reserve(origin: string): number {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(origin) ?? { tokens: this.limit.burst, refilledAt: now };
    const refill = (Math.max(0, now - bucket.refilledAt) / 1000) * this.limit.requestsPerSecond;
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + refill) - 1;
    bucket.refilledAt = now;
    this.buckets.set(origin, bucket);
    return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / this.limit.requestsPerSecond) * 1000);
  }
}

function originOf(url: string): string {
  return URL.parse(url)?.origin ?? url;
}
