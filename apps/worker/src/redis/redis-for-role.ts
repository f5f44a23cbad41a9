import type { AppConfig } from '@app/core';
import { ensureRedis, type RedisEndpoint } from './embedded-redis';

/**
 * The Redis a process needs: the worker role runs the SLA clocks on it; an api-only process needs
 * none. Progress (which Redis, started or reused) goes to stderr before logging is set up.
 */
export async function redisForRole(config: AppConfig): Promise<RedisEndpoint | null> {
  if (config.ROLE === 'api') return null;
  return ensureRedis({
    dataDir: config.DATA_DIR,
    redisUrl: config.REDIS_URL,
    log: (line) => {
      if (config.LOG_LEVEL !== 'silent') process.stderr.write(`${line}\n`);
    },
  });
}
