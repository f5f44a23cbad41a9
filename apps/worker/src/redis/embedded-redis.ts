import { mkdirSync } from 'node:fs';
import { redactRedisUrl, redisConnectionOptions } from './redis-connection';
import { EmbeddedRedisError, RedisUnreachableError } from './redis.errors';
import { probeRedis } from './redis-probe';
import { locateRedisServer } from './redis-server-binary';
import {
  type EmbeddedRedisFiles,
  embeddedRedisFiles,
  isProcessAlive,
  isRedisServerProcess,
  logTail,
  readEndpointFile,
  readPidFile,
  writeEndpointFile,
} from './redis-server-process';
import { awaitAnswer, ownedRedis, type RedisEndpoint, startEmbeddedRedis } from './redis-server-start';
import { withStartLock } from './redis-start-lock';

export type { RedisEndpoint } from './redis-server-start';

export interface EnsureRedisOptions {
  /** DATA_DIR: our own redis-server keeps its AOF, log, pidfile and socket in `<dataDir>/redis/`. */
  dataDir: string;
  /** REDIS_URL: when set, that Redis is checked with PING and used as is; nothing is started. */
  redisUrl?: string | undefined;
  /** Progress for the operator: which Redis, started or reused, apt-get output. */
  log?: (line: string) => void;
  /** How long REDIS_URL may take to answer PING (default 5 s). */
  pingTimeoutMs?: number;
  /** Seam for tests: the PATH searched for redis-server (default: this process's PATH). */
  searchPath?: string;
  /** Seam for tests: whether apt-get may install a missing redis-server (default: uid 0). */
  isRoot?: () => boolean;
}

/** Long enough for a process waiting behind another one's apt-get install. */
const START_LOCK_TIMEOUT_MS = 180_000;

/**
 * The Redis for this process: REDIS_URL when given (it must answer PING), else our own
 * redis-server with AOF persistence under `<dataDir>/redis/`, on a unix socket or a free loopback
 * port, never any other Redis. One left running by an earlier process on this data directory
 * (killed with SIGKILL) is reused, never doubled. A missing redis-server is installed with apt-get
 * when we are root; otherwise the error says how to get it.
 *
 * @throws InvalidRedisUrlError, RedisUnreachableError, RedisServerMissingError, EmbeddedRedisError
 */
export async function ensureRedis(options: EnsureRedisOptions): Promise<RedisEndpoint> {
  const log = options.log ?? (() => undefined);
  if (options.redisUrl !== undefined) {
    return configuredRedis(options.redisUrl, options.pingTimeoutMs ?? 5_000, log);
  }
  const files = embeddedRedisFiles(options.dataDir);
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  return withStartLock(files.lock, START_LOCK_TIMEOUT_MS, async () => {
    const running = await runningEmbeddedRedis(files, log);
    if (running !== undefined) return running;
    const binary = await locateRedisServer({
      searchPath: options.searchPath ?? process.env['PATH'] ?? '',
      isRoot: options.isRoot ?? (() => process.getuid?.() === 0),
      log,
    });
    return startEmbeddedRedis(binary, files, log);
  });
}

async function configuredRedis(
  url: string,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<RedisEndpoint> {
  redisConnectionOptions(url); // a malformed URL fails as such, before any connection attempt
  const probe = await probeRedis(url, timeoutMs);
  if (!probe.answered) throw new RedisUnreachableError(redactRedisUrl(url), probe.reason);
  log(`Redis ${probe.version} at ${redactRedisUrl(url)} (REDIS_URL)`);
  return { url, embedded: false, stop: () => Promise.resolve() };
}

/**
 * Our redis-server for these files, if its pidfile names a live one: shared when the process that
 * started it is alive (it stops it), adopted when that process died (we stop it).
 */
async function runningEmbeddedRedis(
  files: EmbeddedRedisFiles,
  log: (line: string) => void,
): Promise<RedisEndpoint | undefined> {
  const pid = readPidFile(files.pid);
  if (pid === undefined || !isRedisServerProcess(pid)) return undefined;
  const endpoint = readEndpointFile(files.endpoint);
  if (endpoint === undefined) {
    throw new EmbeddedRedisError(
      `redis-server ${pid} runs on ${files.dir}, but ${files.endpoint} does not say where it listens: ` +
        `stop it (kill ${pid}) and start again.`,
    );
  }
  const answer = await awaitAnswer(endpoint.url, pid, () =>
    isRedisServerProcess(pid) ? undefined : 'it exited',
  );
  if (!answer.ok) {
    throw new EmbeddedRedisError(
      `redis-server ${pid} runs on ${files.dir} but does not answer at ${endpoint.url} (${answer.reason}); ` +
        `not starting a second one on the same files. Stop it (kill ${pid}) and start again.`,
      logTail(files.log),
    );
  }
  if (isProcessAlive(endpoint.ownerPid)) {
    log(`redis-server ${pid} at ${endpoint.url}, started by process ${endpoint.ownerPid}: shared`);
    return { url: endpoint.url, embedded: true, stop: () => Promise.resolve() };
  }
  writeEndpointFile(files.endpoint, { url: endpoint.url, ownerPid: process.pid });
  log(`reusing redis-server ${pid} at ${endpoint.url}, left running by process ${endpoint.ownerPid}`);
  return ownedRedis(endpoint.url, pid, files, log);
}
