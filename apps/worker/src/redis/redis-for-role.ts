import type { AppConfig } from '@app/core';
import { ensureRedis, type RedisEndpoint } from './embedded-redis';

/**
 * The Redis a process needs, whatever its role: the worker runs the SLA clocks on it, the api keeps
 * its per-token rate limits there. Each role shares the data directory's embedded redis-server (or
 * uses REDIS_URL); whoever started it stops it. Progress (which Redis, started or reused) goes to
 * stderr before logging is set up.
 */
export async function redisForRole(config: AppConfig): Promise<RedisEndpoint> {
  return ensureRedis({
    dataDir: config.DATA_DIR,
    redisUrl: config.REDIS_URL,
    log: (line) => {
      if (config.LOG_LEVEL !== 'silent') process.stderr.write(`${line}\n`);
    },
  });
}
