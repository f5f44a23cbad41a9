import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { RedisTestServer } from '@test/support/redis-server';
import { ensureRedis } from './embedded-redis';
import { redisConnectionOptions } from './redis-connection';
import { InvalidRedisUrlError, RedisUnreachableError } from './redis.errors';
import { embeddedRedisFiles, freeLoopbackPort } from './redis-server-process';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dnscc-redis-url-int-'));
  dirs.push(dir);
  return dir;
}

async function ping(url: string): Promise<string> {
  const client = new Redis(redisConnectionOptions(url));
  try {
    return await client.ping();
  } finally {
    await client.quit();
  }
}

describe('ensureRedis with REDIS_URL', () => {
  it('uses that Redis as is and starts nothing', async () => {
    const server = await RedisTestServer.start();
    try {
      const dataDir = tempDir();
      const redis = await ensureRedis({ dataDir, redisUrl: server.url });

      expect(redis).toMatchObject({ url: server.url, embedded: false });
      await redis.stop();
      expect(await ping(server.url)).toBe('PONG');
      expect(existsSync(embeddedRedisFiles(dataDir).dir)).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it('fails with a typed error naming the URL, password masked, when nothing answers there', async () => {
    const url = `redis://:hunter2@127.0.0.1:${await freeLoopbackPort()}`;
    const attempt = ensureRedis({ dataDir: tempDir(), redisUrl: url });

    await expect(attempt).rejects.toThrow(RedisUnreachableError);
    await expect(attempt).rejects.toThrow(url.replace('hunter2', '***'));
  });

  it('refuses a malformed one as such, before connecting anywhere', async () => {
    await expect(ensureRedis({ dataDir: tempDir(), redisUrl: 'redis://cache/two' })).rejects.toThrow(
      InvalidRedisUrlError,
    );
  });

  it('gives up after the PING timeout on a server that accepts connections and never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const attempt = ensureRedis({
        dataDir: tempDir(),
        redisUrl: `redis://127.0.0.1:${port}`,
        pingTimeoutMs: 300,
      });
      await expect(attempt).rejects.toThrow(RedisUnreachableError);
    } finally {
      silent.close();
    }
  });
});
