import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { redisConnectionOptions } from '../../apps/worker/src/redis/redis-connection';
import { RedisServerMissingError } from '../../apps/worker/src/redis/redis.errors';
import { probeRedis } from '../../apps/worker/src/redis/redis-probe';
import { findExecutable } from '../../apps/worker/src/redis/redis-server-binary';
import {
  freeLoopbackPort,
  isRedisServerProcess,
  logTail,
  sleep,
  spawnRedisServer,
  terminateProcess,
  waitForExit,
} from '../../apps/worker/src/redis/redis-server-process';

/**
 * A throwaway redis-server for integration tests of queue code: its own process on a free
 * 127.0.0.1 port (never 6379, never a Redis someone else runs), files in a temp directory, no
 * persistence unless `appendonly: true` (then `kill9()` + `restart()` shows what survives a crash).
 */
export class RedisTestServer {
  private admin: Redis | undefined;

  private constructor(
    readonly port: number,
    readonly dir: string,
    private readonly appendonly: boolean,
    private pid: number,
  ) {}

  static async start(options: { appendonly?: boolean } = {}): Promise<RedisTestServer> {
    const dir = mkdtempSync(path.join(tmpdir(), 'dnscc-redis-'));
    const appendonly = options.appendonly ?? false;
    for (let attempt = 1; ; attempt += 1) {
      const port = await freeLoopbackPort();
      try {
        return new RedisTestServer(port, dir, appendonly, await launch(dir, port, appendonly));
      } catch (error) {
        if (attempt >= 3) {
          rmSync(dir, { recursive: true, force: true });
          throw error;
        }
      }
    }
  }

  /** `redis://127.0.0.1:<port>`: give it to `redisConnectionOptions()` or as REDIS_URL. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get processId(): number {
    return this.pid;
  }

  /** A new client with the connection options the application uses; the caller closes it. */
  client(): Redis {
    return new Redis(redisConnectionOptions(this.url));
  }

  async flushAll(): Promise<void> {
    await this.adminClient().flushall();
  }

  /** `used_memory` from INFO memory: what the data set costs, to spot leaks in queue code. */
  async usedMemoryBytes(): Promise<number> {
    const info = await this.adminClient().info('memory');
    return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? Number.NaN);
  }

  /** A crash: no AOF flush beyond what `appendfsync everysec` already wrote. */
  async kill9(): Promise<void> {
    this.closeAdmin();
    process.kill(this.pid, 'SIGKILL');
    await waitForExit(this.pid, 5_000);
  }

  /** Starts redis-server again on the same port and files (after `kill9()` or `shutdown()`). */
  async restart(): Promise<void> {
    if (isRedisServerProcess(this.pid)) throw new Error(`redis-server ${this.pid} is still running`);
    this.pid = await launch(this.dir, this.port, this.appendonly);
  }

  /** Stops the server (SIGTERM: a clean shutdown) and deletes its files. */
  async stop(): Promise<void> {
    this.closeAdmin();
    if (isRedisServerProcess(this.pid)) await terminateProcess(this.pid);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private adminClient(): Redis {
    this.admin ??= this.client();
    return this.admin;
  }

  private closeAdmin(): void {
    this.admin?.disconnect();
    this.admin = undefined;
  }
}

async function launch(dir: string, port: number, appendonly: boolean): Promise<number> {
  const url = `redis://127.0.0.1:${port}`;
  const args = [
    ...['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--daemonize', 'no'],
    ...['--dir', dir, '--save', '', '--appendonly', appendonly ? 'yes' : 'no', '--appendfsync', 'everysec'],
  ];
  const log = path.join(dir, 'redis.log');
  const binary = findExecutable('redis-server', process.env['PATH'] ?? '');
  if (binary === undefined) throw new RedisServerMissingError();
  const child = spawnRedisServer(binary, args, dir, log);
  const status = { exited: false };
  child.once('exit', () => (status.exited = true));
  child.once('error', () => (status.exited = true));
  const pid = child.pid;
  const deadline = Date.now() + 10_000;
  while (pid !== undefined && !status.exited && Date.now() < deadline) {
    const probe = await probeRedis(url, 500);
    if (probe.answered && probe.processId === pid) return pid;
    await sleep(10);
  }
  if (pid !== undefined && isRedisServerProcess(pid)) await terminateProcess(pid);
  throw new Error(`redis-server did not start on port ${port}:\n${logTail(log)}`);
}
