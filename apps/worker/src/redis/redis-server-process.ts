import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** Where our own redis-server keeps everything for one data directory: `<dataDir>/redis/`. */
export interface EmbeddedRedisFiles {
  dir: string;
  log: string;
  /** Written by redis-server itself at start, removed by it on a clean shutdown. */
  pid: string;
  socket: string;
  /** Ours: `{ url, ownerPid }`, so a later process finds a server an earlier one left running. */
  endpoint: string;
  /** Held (O_EXCL) while one process looks for or starts the server, so two never start one each. */
  lock: string;
}

export function embeddedRedisFiles(dataDir: string): EmbeddedRedisFiles {
  const dir = path.join(path.resolve(dataDir), 'redis');
  return {
    dir,
    log: path.join(dir, 'redis.log'),
    pid: path.join(dir, 'redis.pid'),
    socket: path.join(dir, 'redis.sock'),
    endpoint: path.join(dir, 'endpoint'),
    lock: path.join(dir, 'start.lock'),
  };
}

/** What `<dataDir>/redis/endpoint` holds: where our server listens, and which process owns it. */
export interface EmbeddedRedisEndpoint {
  url: string;
  ownerPid: number;
}

export function readEndpointFile(file: string): EmbeddedRedisEndpoint | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmbeddedRedisEndpoint>;
    return typeof value.url === 'string' && typeof value.ownerPid === 'number'
      ? { url: value.url, ownerPid: value.ownerPid }
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeEndpointFile(file: string, endpoint: EmbeddedRedisEndpoint): void {
  writeFileSync(file, `${JSON.stringify(endpoint)}\n`, { mode: 0o600 });
}

export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a running process (not a zombie); EPERM means alive, just not ours to signal. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.state !== 'Z';
}

/**
 * Whether `pid` is a live redis-server, so a stale pidfile whose number now belongs to another
 * program is never mistaken for ours. Without /proc (not Linux), any live process counts.
 */
export function isRedisServerProcess(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  const stat = procStat(pid);
  return stat === undefined ? !existsSync('/proc/self') : stat.command.startsWith('redis-server');
}

function procStat(pid: number): { command: string; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    return { command: stat.slice(stat.indexOf('(') + 1, close), state: stat.slice(close + 2, close + 3) };
  } catch {
    return undefined;
  }
}

/** Polls until `pid` has exited; false when it is still running after `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(20);
  }
  return true;
}

/**
 * SIGTERM (redis-server then fsyncs its AOF and exits), waiting up to `timeoutMs`; SIGKILL after
 * that. Resolves once the process is gone.
 */
export async function terminateProcess(pid: number, timeoutMs = 10_000): Promise<void> {
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, timeoutMs)) return;
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
}

/**
 * Stops the embedded redis-server of `dataDir` if its pidfile names a live redis-server (a process
 * killed with SIGKILL leaves it running). Returns the pid it stopped. For tests and tools that
 * throw a data directory away.
 */
export async function terminateEmbeddedRedis(dataDir: string): Promise<number | undefined> {
  const pid = readPidFile(embeddedRedisFiles(dataDir).pid);
  if (pid === undefined || !isRedisServerProcess(pid)) return undefined;
  await terminateProcess(pid);
  return pid;
}

/**
 * Starts `binary` with `args` in its own process group (a Ctrl-C meant for us must not stop Redis
 * before our components have closed their connections), stdout and stderr appended to `logFile`
 * (no pipes tie it to us), and not holding our event loop open.
 */
export function spawnRedisServer(
  binary: string,
  args: readonly string[],
  cwd: string,
  logFile: string,
): ChildProcess {
  const log = openSync(logFile, 'a');
  try {
    const child = spawn(binary, args, { cwd, detached: true, stdio: ['ignore', log, log] });
    child.on('error', () => undefined); // callers watch 'error' and 'exit' themselves
    child.unref();
    return child;
  } finally {
    closeSync(log);
  }
}

/** The last `lines` lines a log file received after its first `from` bytes, or '' when there are none. */
export function logTail(file: string, from = 0, lines = 15): string {
  try {
    const text = readFileSync(file).subarray(from).toString('utf8');
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** A free TCP port on 127.0.0.1 chosen by the kernel (an ephemeral one: never 6379). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address !== null) resolve(address.port);
        else reject(new Error('the kernel gave no port'));
      });
    });
  });
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}
