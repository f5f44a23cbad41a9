import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const START_TIMEOUT_MS = 30_000;

interface Owner {
  readonly uid: number;
  readonly gid: number;
}

/**
 * The admin URL of this process's throwaway PostgreSQL cluster (initdb + postgres in a temporary
 * directory, on a free loopback port, trust authentication), started on first use. The directory is
 * named after the process id and records the URL, so every test file a jest worker runs (each with its
 * own module registry) shares one cluster. A watchdog stops and deletes it once the process is gone;
 * an 'exit' handler does it sooner where 'exit' is delivered (jest's sandboxed `process` does not).
 * PostgreSQL refuses to run as root, so as root the binaries run as the `postgres` system user.
 */
export async function testCluster(): Promise<string> {
  const dir = join(tmpdir(), `dnscc-postgres-${process.pid}`);
  const urlFile = join(dir, 'url');
  if (existsSync(urlFile)) {
    const url = readFileSync(urlFile, 'utf8');
    if (await answers(url, 1_000)) return url;
  }
  // Left by an earlier process with the same id, or by a start that failed half-way.
  rmSync(dir, { recursive: true, force: true });
  const url = await startCluster(dir);
  writeFileSync(urlFile, url);
  return url;
}

/** Whether a server at `url` accepts a connection and a query within the timeout. */
export async function answers(url: string, connectionTimeoutMillis: number): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startCluster(dir: string): Promise<string> {
  const bin = postgresBinaries();
  const owner = process.getuid?.() === 0 ? systemUser('postgres') : undefined;
  mkdirSync(dir, { mode: 0o700 });
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const env = { ...process.env, LC_ALL: 'C' };
  // --no-sync: a crash during initdb only loses a throwaway cluster; the server itself runs with fsync.
  await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync'], {
    ...owner,
    env,
  });
  // A port found free can be taken by another test process before postgres binds it: try a few.
  const log = openSync(join(dir, 'server.log'), 'a');
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const server = spawn(
      join(bin, 'postgres'),
      [
        '-D',
        data,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${dir}`,
      ],
      { ...owner, env, stdio: ['ignore', log, log] },
    );
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    if (await acceptsConnections(url, server)) {
      stopAtExit(server, dir);
      return url;
    }
    server.kill('SIGKILL');
    if (attempt === 3) {
      throw new Error(`The test PostgreSQL cluster in ${dir} did not start:\n${serverLogTail(dir)}`);
    }
  }
}

/** Debian's versioned directories first (newest), then PATH. */
function postgresBinaries(): string {
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`)
    : [];
  const path = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const found = [...debian, ...path].find(
    (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')),
  );
  if (found === undefined) {
    throw new Error(
      'No PostgreSQL server binaries (initdb, postgres) were found in /usr/lib/postgresql/*/bin or on PATH. ' +
        'Install them with `apt-get install postgresql` (as root; .ci/run does this), ' +
        'or point DNSCC_TEST_POSTGRES_URL at a server the tests may create databases on.',
    );
  }
  return found;
}

function systemUser(name: string): Owner {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      `Running as root, the test PostgreSQL cluster must run as the '${name}' system user, which does not ` +
        'exist: install the postgresql package (it creates that user) or run the tests as another user.',
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

async function acceptsConnections(url: string, server: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && server.exitCode === null && server.signalCode === null) {
    if (await answers(url, 1_000)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * A detached watchdog polls this process and, once it is gone, asks postgres for a fast shutdown (SIGINT)
 * and deletes the directory. The 'exit' handler does the same at once, waiting for postmaster.pid to go
 * ('exit' handlers must be synchronous).
 */
function stopAtExit(server: ChildProcess, dir: string): void {
  server.unref();
  const pidFile = join(dir, 'data', 'postmaster.pid');
  const watchdog = spawn(
    'sh',
    [
      '-c',
      'while kill -0 "$1" 2>/dev/null; do sleep 1; done; ' +
        '[ -f "$2/data/postmaster.pid" ] && kill -INT "$(head -n 1 "$2/data/postmaster.pid")"; ' +
        'sleep 5; rm -rf "$2"',
      'watchdog',
      String(process.pid),
      dir,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  process.once('exit', () => {
    watchdog.kill('SIGKILL');
    server.kill('SIGINT');
    const deadline = Date.now() + 10_000;
    while (existsSync(pidFile) && Date.now() < deadline) sleepSync(20);
    rmSync(dir, { recursive: true, force: true });
  });
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The last lines of the server's log, for an error message. */
function serverLogTail(dir: string): string {
  return readFileSync(join(dir, 'server.log'), 'utf8').split('\n').slice(-20).join('\n');
}
