import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { ensureRedis, type RedisEndpoint } from './embedded-redis';
import { redisConnectionOptions } from './redis-connection';
import { EmbeddedRedisError, RedisServerMissingError } from './redis.errors';
import {
  embeddedRedisFiles,
  isRedisServerProcess,
  readPidFile,
  terminateEmbeddedRedis,
} from './redis-server-process';

const dirs: string[] = [];
const endpoints: RedisEndpoint[] = [];
afterEach(async () => {
  for (const endpoint of endpoints.splice(0)) await endpoint.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dnscc-redis-int-'));
  dirs.push(dir);
  return dir;
}

async function ensure(options: Parameters<typeof ensureRedis>[0]): Promise<RedisEndpoint> {
  const endpoint = await ensureRedis(options);
  endpoints.push(endpoint);
  return endpoint;
}

async function withClient<T>(url: string, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(redisConnectionOptions(url));
  try {
    return await use(client);
  } finally {
    await client.quit();
  }
}

/** Live redis-server processes whose command line names `text` (their socket path). */
function redisServersNaming(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return isRedisServerProcess(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false; // exited while we looked
      }
    });
}

describe('ensureRedis without REDIS_URL: our own redis-server under DATA_DIR/redis', () => {
  it('starts one on a unix socket in the data directory, answering, and stops it', async () => {
    const dataDir = tempDir();
    const files = embeddedRedisFiles(dataDir);
    const lines: string[] = [];
    const redis = await ensure({ dataDir, log: (line) => lines.push(line) });

    expect(redis).toMatchObject({ embedded: true, url: `unix://${files.socket}` });
    expect(await withClient(redis.url, (client) => client.ping())).toBe('PONG');
    const pid = readPidFile(files.pid)!;
    expect(isRedisServerProcess(pid)).toBe(true);
    expect(existsSync(files.log)).toBe(true);
    expect(lines.join('\n')).toContain(`(pid ${pid}) at ${redis.url}`);

    await redis.stop();
    expect(isRedisServerProcess(pid)).toBe(false);
    expect(existsSync(files.socket)).toBe(false);
  });

  it('keeps what was written across a stop and a start (AOF under the data directory)', async () => {
    const dataDir = tempDir();
    const first = await ensure({ dataDir });
    await withClient(first.url, (client) => client.set('sla:clock', 'due-at-1700000000'));
    await first.stop();
    const aof = path.join(embeddedRedisFiles(dataDir).dir, 'appendonlydir');
    expect(readdirSync(aof).some((file) => file.endsWith('.incr.aof'))).toBe(true);

    const second = await ensure({ dataDir });
    expect(await withClient(second.url, (client) => client.get('sla:clock'))).toBe('due-at-1700000000');
  });

  it('shares the running server with a second caller on the same data directory', async () => {
    const dataDir = tempDir();
    const [first, second] = await Promise.all([ensure({ dataDir }), ensure({ dataDir })]);

    expect(second.url).toBe(first.url);
    expect(redisServersNaming(embeddedRedisFiles(dataDir).socket)).toHaveLength(1);
    await second.stop(); // the first caller started it, so it stays up
    expect(await withClient(first.url, (client) => client.ping())).toBe('PONG');
  });

  it('reuses, and then owns, the server a process killed with SIGKILL left running', async () => {
    const dataDir = tempDir();
    const files = embeddedRedisFiles(dataDir);
    const orphanUrl = await startInChildThenKill9(dataDir);
    const orphan = readPidFile(files.pid)!;
    expect(isRedisServerProcess(orphan)).toBe(true);

    const lines: string[] = [];
    const redis = await ensure({ dataDir, log: (line) => lines.push(line) });
    expect(redis.url).toBe(orphanUrl);
    expect(readPidFile(files.pid)).toBe(orphan);
    expect(lines.join('\n')).toContain(`reusing redis-server ${orphan}`);

    await redis.stop();
    expect(isRedisServerProcess(orphan)).toBe(false);
  });

  it('is stopped by terminateEmbeddedRedis after its process died (what DnsccServer.dispose does)', async () => {
    const dataDir = tempDir();
    await startInChildThenKill9(dataDir);
    const orphan = readPidFile(embeddedRedisFiles(dataDir).pid)!;

    expect(await terminateEmbeddedRedis(dataDir)).toBe(orphan);
    expect(isRedisServerProcess(orphan)).toBe(false);
    expect(await terminateEmbeddedRedis(dataDir)).toBeUndefined();
  });

  it('takes over the start lock of a process that died while starting it', async () => {
    const dataDir = tempDir();
    const files = embeddedRedisFiles(dataDir);
    mkdirSync(files.dir, { recursive: true });
    writeFileSync(files.lock, `${spawnSync('true').pid}\n`);

    const redis = await ensure({ dataDir });
    expect(await withClient(redis.url, (client) => client.ping())).toBe('PONG');
    expect(existsSync(files.lock)).toBe(false);
  });

  it('listens on a free loopback port when the socket path would be too long for a unix socket', async () => {
    const dataDir = path.join(tempDir(), 'a-data-directory-nested-deeply-enough'.repeat(3));
    mkdirSync(dataDir);
    const redis = await ensure({ dataDir });

    expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(redis.url).not.toBe('redis://127.0.0.1:6379');
    expect(await withClient(redis.url, (client) => client.ping())).toBe('PONG');
    expect(existsSync(embeddedRedisFiles(dataDir).socket)).toBe(false);
  });

  it('listens on a free loopback port when the socket cannot be created', async () => {
    const dataDir = tempDir();
    mkdirSync(embeddedRedisFiles(dataDir).socket, { recursive: true }); // a directory where the socket goes
    const redis = await ensure({ dataDir });

    expect(redis.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(await withClient(redis.url, (client) => client.ping())).toBe('PONG');
  });

  it('reports why its redis-server did not start, with the end of its log', async () => {
    const dataDir = tempDir();
    await (await ensure({ dataDir })).stop();
    const aof = path.join(embeddedRedisFiles(dataDir).dir, 'appendonlydir');
    writeFileSync(path.join(aof, 'appendonly.aof.manifest'), 'not a manifest\n');

    const attempt = ensure({ dataDir });
    await expect(attempt).rejects.toThrow(EmbeddedRedisError);
    await expect(attempt).rejects.toThrow(
      /did not start: it exited[\s\S]*Last lines of its log:[\s\S]*manifest/i,
    );
  });

  it('says how to get redis-server when it is missing and we may not install it', async () => {
    const dataDir = tempDir();
    const attempt = ensure({ dataDir, searchPath: tempDir(), isRoot: () => false });

    await expect(attempt).rejects.toThrow(RedisServerMissingError);
    await expect(attempt).rejects.toThrow(/apt-get install redis-server[\s\S]*REDIS_URL/);
    expect(existsSync(embeddedRedisFiles(dataDir).pid)).toBe(false);
  });
});

/**
 * Runs ensureRedis in a child node process (compiling this TypeScript with swc on the fly), waits
 * for the URL it prints, then kills that process with SIGKILL, leaving its redis-server orphaned.
 */
async function startInChildThenKill9(dataDir: string): Promise<string> {
  const script = `
    const fs = require('node:fs');
    const { transformSync } = require('@swc/core');
    require.extensions['.ts'] = (module, filename) => {
      const options = { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
      module._compile(transformSync(fs.readFileSync(filename, 'utf8'), options).code, filename);
    };
    require(process.argv[1]).ensureRedis({ dataDir: process.argv[2] }).then((redis) => {
      process.stdout.write(redis.url + '\\n');
      setInterval(() => undefined, 60_000);
    });`;
  const child = spawn(process.execPath, ['-e', script, path.join(__dirname, 'embedded-redis.ts'), dataDir], {
    cwd: path.resolve(__dirname, '../../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('\n')) resolve(output.trim());
    });
    child.once('exit', (code) => {
      reject(new Error(`the child exited (${code}) before printing a URL`));
    });
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return url;
}
