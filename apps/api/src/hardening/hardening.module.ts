import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/core';
import type { RedisEndpoint } from '../../../worker/src/redis/embedded-redis';
import { RedisRateLimiter, UNLIMITED, type RateLimiter } from './rate-limiter.service';

/** The RateLimiter the authentication hook consults after verifying a token. */
export const RATE_LIMITER = Symbol('RateLimiter');
const API_REDIS_LIFECYCLE = Symbol('ApiRedisLifecycle');

/**
 * ROLE=api loads no WorkerModule, whose lifecycle stops our own redis-server in ROLE=all: this one
 * does it here, in onApplicationShutdown, after the limiter closed its connection (before-shutdown).
 */
class ApiRedisLifecycle implements OnApplicationShutdown {
  constructor(private readonly endpoint: RedisEndpoint) {}

  onApplicationShutdown(): Promise<void> {
    return this.endpoint.stop();
  }
}

/** Per-token rate limits on Redis; the other protections are plugins and GraphQL options (main.ts, AppModule). */
@Module({})
export class HardeningModule {
  /** @param redis the data directory's Redis or REDIS_URL; null only for the schema printer. */
  static forRoot(config: AppConfig, redis: RedisEndpoint | null): DynamicModule {
    const limited = redis !== null && config.RATE_LIMIT_PER_MINUTE > 0;
    return {
      module: HardeningModule,
      providers: [
        {
          provide: RATE_LIMITER,
          useFactory: (): RateLimiter =>
            limited
              ? new RedisRateLimiter(redis.url, {
                  perMinute: config.RATE_LIMIT_PER_MINUTE,
                  burst: config.RATE_LIMIT_BURST,
                })
              : UNLIMITED,
        },
        ...(config.ROLE === 'api' && redis
          ? [{ provide: API_REDIS_LIFECYCLE, useFactory: () => new ApiRedisLifecycle(redis) }]
          : []),
      ],
      exports: [RATE_LIMITER],
    };
  }
}
