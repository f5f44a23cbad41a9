import type { ConnectionOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { redactRedisUrl, redisConnectionOptions, redisUnixSocketUrl } from './redis-connection';
import { InvalidRedisUrlError } from './redis.errors';

const always = { maxRetriesPerRequest: null, enableAutoPipelining: false };

describe('redisConnectionOptions', () => {
  it.each([
    ['redis://127.0.0.1:6380', { host: '127.0.0.1', port: 6380 }],
    ['redis://cache.internal', { host: 'cache.internal', port: 6379 }],
    ['redis://:s%40cret@cache:7000/2', { host: 'cache', port: 7000, password: 's@cret', db: 2 }],
    [
      'redis://worker:pw@cache:7000/0',
      { host: 'cache', port: 7000, username: 'worker', password: 'pw', db: 0 },
    ],
    ['redis://[::1]:7001', { host: '::1', port: 7001 }],
    [
      'rediss://cache.example.org:6380',
      { host: 'cache.example.org', port: 6380, tls: { servername: 'cache.example.org' } },
    ],
    ['rediss://10.0.0.5:6380', { host: '10.0.0.5', port: 6380, tls: {} }],
    ['unix:///var/run/redis/redis.sock', { path: '/var/run/redis/redis.sock' }],
    ['unix:///tmp/a%20b/redis.sock?db=3&password=pw', { path: '/tmp/a b/redis.sock', db: 3, password: 'pw' }],
  ])('%s', (url, expected) => {
    expect(redisConnectionOptions(url)).toStrictEqual({ ...always, ...expected });
  });

  it.each([
    ['http://cache:6379', 'scheme'],
    ['not a url', 'not a URL'],
    ['redis://cache/two', 'database "two"'],
    ['redis://cache:0', 'port 0'],
    ['redis://cache?db=1', 'query parameters'],
    ['unix://host/tmp/redis.sock', 'three slashes'],
    ['unix:///', 'socket path is missing'],
    ['unix:///tmp/redis.sock?timeout=1', 'unknown parameter "timeout"'],
  ])('%s is refused, saying why', (url, reason) => {
    expect(() => redisConnectionOptions(url)).toThrow(InvalidRedisUrlError);
    expect(() => redisConnectionOptions(url)).toThrow(reason);
  });

  it('is accepted by ioredis and by BullMQ under exactOptionalPropertyTypes (npm run typecheck)', () => {
    const options = redisConnectionOptions('redis://cache:6379/1');
    const forIoredis: RedisOptions = options;
    const forBullmq: ConnectionOptions = options;
    expect(forBullmq).toBe(forIoredis);
  });

  it('never puts the password in its error message', () => {
    expect(() => redisConnectionOptions('redis://:hunter2@cache/x')).toThrow(
      'REDIS_URL=redis://:***@cache/x is not usable',
    );
  });
});

describe('redisUnixSocketUrl', () => {
  it('round-trips paths with spaces and URL delimiters', () => {
    const socket = '/tmp/dnscc data/#1?/redis%.sock';
    expect(redisConnectionOptions(redisUnixSocketUrl(socket))).toMatchObject({ path: socket });
  });
});

describe('redactRedisUrl', () => {
  it.each([
    ['redis://:hunter2@cache:6379/1', 'redis://:***@cache:6379/1'],
    ['rediss://user:hunter2@cache:6380', 'rediss://user:***@cache:6380'],
    ['unix:///tmp/redis.sock?password=hunter2&db=1', 'unix:///tmp/redis.sock?password=***&db=1'],
    ['redis://cache:6379', 'redis://cache:6379'],
    ['redis://:hunter2@cache:bad', 'redis://***@cache:bad'],
  ])('%s -> %s', (url, redacted) => {
    expect(redactRedisUrl(url)).toBe(redacted);
  });
});
