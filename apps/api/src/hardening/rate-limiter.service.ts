import { createHash } from 'node:crypto';
import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisConnectionOptions } from '../../../worker/src/redis/redis-connection';
import { type RatePolicy, refillPerMs, retryAfterSeconds, TOKEN_BUCKET_LUA } from './token-bucket';

export type RateVerdict =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Decides whether the holder of an API token may make one more request now. */
export interface RateLimiter {
  take(tokenId: string): Promise<RateVerdict>;
}

const ALLOWED: RateVerdict = { allowed: true };

/** RATE_LIMIT_PER_MINUTE=0, or no Redis (the schema printer): every request passes. */
export const UNLIMITED: RateLimiter = { take: () => Promise.resolve(ALLOWED) };

const SCRIPT_SHA = createHash('sha1').update(TOKEN_BUCKET_LUA).digest('hex');
/** A limiter that waits for Redis would slow every request down with it: answer fast or pass. */
const COMMAND_TIMEOUT_MS = 250;

/**
 * Per-token token buckets in Redis, one hash per API token id (`dnscc:rate:<id>`) with a TTL, taken
 * by one Lua script so that concurrent requests and several api processes share a budget. When
 * Redis does not answer, requests pass (fail open) and one warning is logged per outage: the limit
 * protects capacity, while refusing everyone because Redis is down would be the outage. Provided
 * by HardeningModule, whose factory gives it the URL and policy; Nest calls its lifecycle hooks.
 */
export class RedisRateLimiter implements RateLimiter, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RedisRateLimiter.name);
  private readonly redis: Redis;
  private failing = false;
  private closing = false;

  constructor(
    url: string,
    private readonly policy: RatePolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.redis = new Redis({
      ...redisConnectionOptions(url),
      // Unlike BullMQ's connections: fail a command at once while disconnected, never queue it.
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      // ioredis waits this long for a socket that already failed before letting the process exit.
      disconnectTimeout: 100,
      lazyConnect: true,
    });
    // Connection errors surface as failed commands (and one warning); ioredis keeps reconnecting.
    this.redis.on('error', () => undefined);
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.redis.connect();
    } catch (error) {
      this.warn(error);
    }
  }

  /** Before the embedded Redis stops (onApplicationShutdown), and before requests stop arriving. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  async take(tokenId: string): Promise<RateVerdict> {
    if (this.closing) return ALLOWED;
    try {
      const [allowed, waitMs] = await this.run(`dnscc:rate:${tokenId}`);
      if (this.failing) {
        this.failing = false;
        this.logger.log('Redis answers again: per-token rate limits apply again');
      }
      return allowed === 1 ? ALLOWED : { allowed: false, retryAfterSeconds: retryAfterSeconds(waitMs) };
    } catch (error) {
      this.warn(error);
      return ALLOWED;
    }
  }

  private async run(key: string): Promise<[number, number]> {
    const args = [this.now(), refillPerMs(this.policy), this.policy.burst];
    try {
      return (await this.redis.evalsha(SCRIPT_SHA, 1, key, ...args)) as [number, number];
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return (await this.redis.eval(TOKEN_BUCKET_LUA, 1, key, ...args)) as [number, number];
    }
  }

  private warn(error: unknown): void {
    if (this.failing || this.closing) return;
    this.failing = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(`Redis does not answer (${reason}): requests pass without per-token rate limits`);
  }
}
