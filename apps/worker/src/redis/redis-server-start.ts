import { type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { redisUnixSocketUrl } from './redis-connection';
import { EmbeddedRedisError } from './redis.errors';
import { probeRedis, shutdownRedis } from './redis-probe';
import {
  type EmbeddedRedisFiles,
  fileSize,
  freeLoopbackPort,
  isRedisServerProcess,
  logTail,
  sleep,
  spawnRedisServer,
  terminateProcess,
  waitForExit,
  writeEndpointFile,
} from './redis-server-process';

/** The Redis this process uses. */
export interface RedisEndpoint {
  /** REDIS_URL, or our server's `unix:///…/redis.sock` (`redis://127.0.0.1:<port>` for long paths). */
  url: string;
  /** Whether it is our own redis-server under DATA_DIR. */
  embedded: boolean;
  /**
   * Shuts our redis-server down (SHUTDOWN: the AOF is fsynced) and resolves once it has exited.
   * Nothing for REDIS_URL, or for a server that another live process started. Call it last, after
   * every connection to it is closed. Idempotent.
   */
  stop(): Promise<void>;
}

/** sun_path holds 108 bytes with the NUL; redis-server would silently truncate a longer path. */
const MAX_UNIX_SOCKET_PATH_BYTES = 107;
/** Loading a large AOF takes a while; an empty one answers within about 15 ms. */
const START_TIMEOUT_MS = 30_000;

/**
 * Starts redis-server for `files` on the unix socket (on a free 127.0.0.1 port when the socket path
 * is too long or cannot be a socket) and resolves once it answers PING as the process we started.
 */
export async function startEmbeddedRedis(
  binary: string,
  files: EmbeddedRedisFiles,
  log: (line: string) => void,
): Promise<RedisEndpoint> {
  let socket = Buffer.byteLength(files.socket) <= MAX_UNIX_SOCKET_PATH_BYTES ? files.socket : undefined;
  for (let attempt = 1; ; attempt += 1) {
    const port = socket === undefined ? await freeLoopbackPort() : 0;
    const url = socket === undefined ? `redis://127.0.0.1:${port}` : redisUnixSocketUrl(socket);
    const listen =
      socket === undefined ? ['--bind', '127.0.0.1'] : ['--unixsocket', socket, '--unixsocketperm', '700'];
    const logStart = fileSize(files.log);
    writeEndpointFile(files.endpoint, { url, ownerPid: process.pid });
    const child = spawnRedisServer(binary, [...serverArgs(files, port), ...listen], files.dir, files.log);
    const answer = await awaitAnswer(url, child.pid, exitWatcher(child));
    if (answer.ok && child.pid !== undefined) {
      log(`redis-server ${answer.version} (pid ${child.pid}) at ${url}, AOF in ${files.dir}`);
      return ownedRedis(url, child.pid, files, log);
    }
    if (child.pid !== undefined && isRedisServerProcess(child.pid)) await terminateProcess(child.pid);
    const output = logTail(files.log, logStart);
    // Some file systems (network or VM shares) cannot hold a socket: listen on loopback instead.
    if (socket !== undefined && output.includes('Failed opening Unix socket')) {
      log(`redis-server could not open the unix socket ${socket}; listening on 127.0.0.1 instead`);
      socket = undefined;
      continue;
    }
    // Another program may take the free port between our probe and redis-server's bind.
    if (socket === undefined && attempt < 3 && output.includes('Address already in use')) continue;
    throw new EmbeddedRedisError(
      `redis-server (${binary}) did not start: ${answer.ok ? 'it has no pid' : answer.reason}.`,
      output,
    );
  }
}

function serverArgs(files: EmbeddedRedisFiles, port: number): string[] {
  return [
    ...['--port', String(port), '--protected-mode', 'yes', '--daemonize', 'no'],
    ...['--dir', files.dir, '--pidfile', files.pid],
    ...['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''],
    // A delayed BullMQ job fires when Redis' event loop notices its blocking timeout: on an idle
    // server that is the cron tick, 1/hz. The default 10 Hz makes SLA timers up to 100 ms late.
    ...['--hz', '100'],
  ];
}

function exitWatcher(child: ChildProcess): () => string | undefined {
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = `it exited (${signal ?? `code ${code ?? '?'}`})`));
  child.once('error', (error) => (exit = error.message));
  return () => exit;
}

export type Answer = { ok: true; version: string } | { ok: false; reason: string };

/** Polls until the server at `url` answers PING as process `pid`, `gone()` says why not, or time is up. */
export async function awaitAnswer(
  url: string,
  pid: number | undefined,
  gone: () => string | undefined,
): Promise<Answer> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let reason = 'no answer';
  while (Date.now() < deadline) {
    const exited = gone();
    if (exited !== undefined) return { ok: false, reason: exited };
    const probe = await probeRedis(url, 1_000);
    if (probe.answered && probe.processId === pid) return { ok: true, version: probe.version };
    reason = probe.answered ? `process ${probe.processId} answers there instead` : probe.reason;
    await sleep(10);
  }
  return { ok: false, reason: `no answer within ${START_TIMEOUT_MS / 1000} s: ${reason}` };
}

/** The endpoint of a redis-server this process is responsible for stopping. */
export function ownedRedis(
  url: string,
  pid: number,
  files: EmbeddedRedisFiles,
  log: (line: string) => void,
): RedisEndpoint {
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    if (isRedisServerProcess(pid)) {
      const sent = await shutdownRedis(url, 5_000).then(
        () => true,
        (error: unknown) => {
          log(`SHUTDOWN of redis-server ${pid} failed (${String(error)}); sending SIGTERM`);
          return false;
        },
      );
      if (!sent || !(await waitForExit(pid, 15_000))) await terminateProcess(pid);
    }
    rmSync(files.endpoint, { force: true });
    log(`redis-server ${pid} stopped`);
  };
  return { url, embedded: true, stop: () => (stopping ??= stop()) };
}
