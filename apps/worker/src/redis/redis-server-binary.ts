import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { RedisServerMissingError } from './redis.errors';

export interface RedisServerLookup {
  /** The directories searched, as in PATH (default: this process's PATH). */
  searchPath: string;
  /** Whether we may install Debian's package (default: running as root). */
  isRoot: () => boolean;
  log: (line: string) => void;
}

/** Where Debian's package puts the binary, searched after an install whatever `searchPath` says. */
const DEBIAN_BINARY_DIRS = ['/usr/bin', '/usr/sbin'];

/**
 * The redis-server binary to run. Missing and root: installs Debian's `redis-server` with apt-get
 * (progress through `log`). Missing otherwise, or when that fails: RedisServerMissingError, whose
 * message says how to get it.
 */
export async function locateRedisServer(lookup: RedisServerLookup): Promise<string> {
  const found = findExecutable('redis-server', lookup.searchPath);
  if (found !== undefined) return found;
  if (!lookup.isRoot()) throw new RedisServerMissingError();
  const aptGet = findExecutable(
    'apt-get',
    [process.env['PATH'] ?? '', ...DEBIAN_BINARY_DIRS].join(path.delimiter),
  );
  if (aptGet === undefined) {
    throw new RedisServerMissingError(
      'There is no apt-get here to install it with: use the package of your system.',
    );
  }
  lookup.log(
    'redis-server not found on PATH: installing the Debian package (apt-get install -y redis-server)',
  );
  await aptGetInstall(aptGet, lookup.log);
  const installed = findExecutable(
    'redis-server',
    [lookup.searchPath, ...DEBIAN_BINARY_DIRS].join(path.delimiter),
  );
  if (installed === undefined) {
    throw new RedisServerMissingError('apt-get installed redis-server, but no redis-server binary appeared.');
  }
  lookup.log(`installed ${installed}`);
  return installed;
}

/** The first executable file called `name` in the `searchPath` directories (PATH syntax). */
export function findExecutable(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

async function aptGetInstall(aptGet: string, log: (line: string) => void): Promise<void> {
  // A fresh container has no package lists, so `install` alone would not find the package.
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', 'redis-server'],
  ]) {
    const { code, tail } = await run(aptGet, args, log);
    if (code !== 0) {
      throw new RedisServerMissingError(`apt-get ${args[0]} failed (exit ${code}):\n${tail.join('\n')}`);
    }
  }
}

function run(
  command: string,
  args: readonly string[],
  log: (line: string) => void,
): Promise<{ code: number | null; tail: string[] }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    let pending = '';
    const onData = (chunk: Buffer): void => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines.filter((l) => l.trim() !== '')) {
        log(`apt-get: ${line}`);
        tail.push(line);
        if (tail.length > 10) tail.shift();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      resolve({ code: null, tail: [...tail, error.message] });
    });
    child.once('close', (code) => {
      if (pending.trim() !== '') log(`apt-get: ${pending}`);
      resolve({ code, tail });
    });
  });
}
