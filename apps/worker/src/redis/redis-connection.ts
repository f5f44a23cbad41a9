import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { InvalidRedisUrlError } from './redis.errors';

/**
 * The connection part of ioredis' `RedisOptions`, typed without `| undefined` on its optional fields:
 * ioredis 6's own `RedisOptions` has them, and under `exactOptionalPropertyTypes` neither its
 * `new Redis()` overloads nor BullMQ's `connection` accept such a value. This one goes to both.
 */
export interface RedisConnectionOptions {
  host?: string;
  port?: number;
  /** A unix socket; when set, host and port are absent. */
  path?: string;
  username?: string;
  password?: string;
  db?: number;
  tls?: ConnectionOptions;
  /** BullMQ workers refuse any other value: commands wait for the connection to come back. */
  maxRetriesPerRequest: null;
  /** Auto-pipelining costs BullMQ workers throughput (STACK.md). */
  enableAutoPipelining: false;
}

type Endpoint = Omit<RedisConnectionOptions, 'maxRetriesPerRequest' | 'enableAutoPipelining'>;

/** Query parameters a `unix:///` URL may carry, since it has no authority or database path of its own. */
const UNIX_PARAMETERS = new Set(['db', 'username', 'password']);

/**
 * ioredis options for a REDIS_URL: `redis://[[user]:password@]host[:port][/db]`, `rediss://…` (TLS) or
 * `unix:///path/to/redis.sock[?db=N&password=…]`. Every connection gets `maxRetriesPerRequest: null`
 * (BullMQ workers refuse anything else) and `enableAutoPipelining: false` (it costs workers throughput).
 *
 * @throws InvalidRedisUrlError naming the URL (password masked) and what is wrong with it.
 */
export function redisConnectionOptions(url: string): RedisConnectionOptions {
  const parsed = parseUrl(url);
  const common = { maxRetriesPerRequest: null, enableAutoPipelining: false } as const;
  if (parsed.protocol === 'unix:') return { ...common, ...unixOptions(url, parsed) };
  if (parsed.protocol === 'redis:' || parsed.protocol === 'rediss:') {
    return { ...common, ...tcpOptions(url, parsed) };
  }
  throw invalid(url, 'the scheme must be redis://, rediss:// or unix:///');
}

/** The `unix:///…` URL of a socket path, each path segment percent-encoded. */
export function redisUnixSocketUrl(socketPath: string): string {
  return `unix://${socketPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** A REDIS_URL fit for logs and error messages: the password (in either place) replaced by `***`. */
export function redactRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/([^@/]*)@/, '//***@');
  }
  if (parsed.password !== '') parsed.password = '***';
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
  return parsed.toString();
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw invalid(url, 'it is not a URL');
  }
}

function unixOptions(url: string, parsed: URL): Endpoint {
  if (parsed.host !== '' || parsed.username !== '' || parsed.password !== '') {
    throw invalid(url, 'a unix socket URL has three slashes and no host: unix:///path/to/redis.sock');
  }
  const path = decode(url, parsed.pathname);
  if (path === '/' || path === '') throw invalid(url, 'the socket path is missing');
  const options: Endpoint = { path };
  for (const [name, value] of parsed.searchParams) {
    if (!UNIX_PARAMETERS.has(name))
      throw invalid(url, `unknown parameter "${name}" (db, username, password)`);
    if (name === 'db') options.db = database(url, value);
    else if (name === 'username') options.username = value;
    else options.password = value;
  }
  return options;
}

function tcpOptions(url: string, parsed: URL): Endpoint {
  if (parsed.search !== '' || parsed.hash !== '') {
    throw invalid(url, 'query parameters are not supported; put the database number in the path (/2)');
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw invalid(url, 'the host is missing');
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  if (port === 0) throw invalid(url, 'port 0 is not a port a client can connect to');
  const options: Endpoint = { host, port };
  if (parsed.username !== '') options.username = decode(url, parsed.username);
  if (parsed.password !== '') options.password = decode(url, parsed.password);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '') options.db = database(url, db);
  if (parsed.protocol === 'rediss:') options.tls = isIP(host) === 0 ? { servername: host } : {};
  return options;
}

function database(url: string, value: string): number {
  if (!/^\d{1,5}$/.test(value)) throw invalid(url, `the database "${value}" is not a number`);
  return Number(value);
}

function decode(url: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw invalid(url, `"${value}" is not correctly percent-encoded`);
  }
}

function invalid(url: string, reason: string): InvalidRedisUrlError {
  return new InvalidRedisUrlError(redactRedisUrl(url), reason);
}
