import { Redis, ReplyError } from 'ioredis';
import { redisConnectionOptions } from './redis-connection';

/** What a Redis said when asked: it answered PING (and who it is), or why it did not. */
export type RedisProbe =
  { answered: true; processId: number; version: string } | { answered: false; reason: string };

/**
 * Connects once without retrying, sends PING and reads `INFO server`, all within `timeoutMs`. Only
 * reads: it never changes anything on the server it reaches.
 */
export async function probeRedis(url: string, timeoutMs: number): Promise<RedisProbe> {
  try {
    return await withConnection(url, timeoutMs, async (client) => {
      await client.ping(); // an error reply (NOAUTH, LOADING…) rejects
      // INFO may be renamed away on a managed Redis; PING alone then answers for it.
      const info = await client.info('server').catch(() => '');
      return {
        answered: true,
        processId: Number(/^process_id:(\d+)/m.exec(info)?.[1] ?? Number.NaN),
        version: /^redis_version:(\S+)/m.exec(info)?.[1] ?? 'unknown',
      };
    });
  } catch (error) {
    return { answered: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Asks the Redis at `url` to SHUTDOWN (it fsyncs its AOF first). Resolves once the command was sent
 * and the server closed the connection; rejects when it could not be reached or refused.
 */
export async function shutdownRedis(url: string, timeoutMs: number): Promise<void> {
  await withConnection(url, timeoutMs, async (client) => {
    try {
      await client.call('SHUTDOWN');
    } catch (error) {
      if (error instanceof ReplyError) throw error;
      // Anything else is the connection closing under us: the expected answer to SHUTDOWN.
    }
  });
}

async function withConnection<T>(
  url: string,
  timeoutMs: number,
  use: (client: Redis) => Promise<T>,
): Promise<T> {
  const client = new Redis({
    ...redisConnectionOptions(url),
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    disableClientInfo: true,
    // ioredis arms a timer of this length on disconnect and never clears it when the connection had
    // failed: the 2 s default would hold the event loop (and jest) open after every refused probe.
    disconnectTimeout: 0,
  });
  // A refused connection rejects connect() with only "Connection is closed."; the cause (ECONNREFUSED,
  // ENOENT, NOAUTH…) arrives as an 'error' event, and is what the caller gets.
  let cause: unknown;
  client.on('error', (error: unknown) => (cause ??= error));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  const work = client.connect().then(
    () => use(client),
    (error: unknown) => {
      throw cause ?? error;
    },
  );
  work.catch(() => undefined); // the deadline may win the race; its loser must not go unhandled
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
