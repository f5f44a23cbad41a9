import { rmSync } from 'node:fs';
import { RedisTestServer } from '../support/redis-server';

/** The redis-server a side ran against, recorded with its results. */
export interface SlaRedisInfo {
  readonly version: string;
  /** Server cron runs per second: blocked clients' timeouts are noticed on these ticks at the latest. */
  readonly hz: number;
  readonly dynamicHz: boolean;
}

/** The redis-server of the side being measured, so that an interrupted run does not leave it behind. */
let current: RedisTestServer | undefined;

/**
 * A throwaway redis-server on a free 127.0.0.1 port with no persistence (`--save ''`, no AOF), from
 * test/support; `hz` is set with CONFIG SET when given.
 */
export async function startSlaRedis(
  hz: number | null,
): Promise<{ server: RedisTestServer; info: SlaRedisInfo }> {
  const server = await RedisTestServer.start();
  current = server;
  const client = server.client();
  try {
    if (hz !== null) await client.config('SET', 'hz', String(hz));
    const info = await client.info('server');
    const config = await client.config('GET', 'hz', 'dynamic-hz');
    const value = (name: string): string => config[config.indexOf(name) + 1] ?? '';
    return {
      server,
      info: {
        version: /^redis_version:(.+)$/m.exec(info)?.[1]?.trim() ?? 'unknown',
        hz: Number(value('hz')),
        dynamicHz: value('dynamic-hz') === 'yes',
      },
    };
  } finally {
    client.disconnect();
  }
}

export async function stopSlaRedis(server: RedisTestServer): Promise<void> {
  await server.stop();
  if (current === server) current = undefined;
}

/** For process exit: kills the current side's redis-server and deletes its files, synchronously. */
export function killSlaRedisNow(): void {
  if (current === undefined) return;
  try {
    process.kill(current.processId, 'SIGKILL');
  } catch {
    // already gone
  }
  rmSync(current.dir, { recursive: true, force: true });
}
