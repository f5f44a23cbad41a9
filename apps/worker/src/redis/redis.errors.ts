/**
 * Start-up errors of the Redis connection. They stop the process with a message an operator can act
 * on; none of them reaches a GraphQL client, so they are not DomainErrors.
 */
export abstract class RedisSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** REDIS_URL cannot be turned into connection options. */
export class InvalidRedisUrlError extends RedisSetupError {
  constructor(
    /** The URL with any password masked. */
    readonly url: string,
    reason: string,
  ) {
    super(`REDIS_URL=${url} is not usable: ${reason}`);
  }
}

/** The Redis named by REDIS_URL did not answer PING in time. */
export class RedisUnreachableError extends RedisSetupError {
  constructor(
    /** The URL with any password masked. */
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Redis at REDIS_URL=${url} did not answer PING: ${reason}`);
  }
}

/** No redis-server on PATH, and this process may not (or could not) install one. */
export class RedisServerMissingError extends RedisSetupError {
  constructor(detail?: string) {
    super(
      [
        'redis-server was not found on PATH, and dnscc needs Redis.',
        'Either install it (Debian/Ubuntu: `sudo apt-get install redis-server`; dnscc runs its own',
        'redis-server under DATA_DIR/redis and leaves any other Redis alone),',
        'or set REDIS_URL to a Redis you run (redis://[:password@]host:port[/db] or unix:///path/to/redis.sock).',
        ...(detail === undefined ? [] : [detail]),
      ].join('\n'),
    );
  }
}

/** Our own redis-server for this data directory did not start, or is alive but does not answer. */
export class EmbeddedRedisError extends RedisSetupError {
  constructor(
    message: string,
    /** The last lines of `<dataDir>/redis/redis.log`, when there are any. */
    readonly logTail = '',
  ) {
    super(logTail === '' ? message : `${message}\nLast lines of its log:\n${logTail}`);
  }
}
