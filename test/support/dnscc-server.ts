import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { terminateEmbeddedRedis } from '../../apps/worker/src/redis/redis-server-process';
import { GraphqlClient } from './graphql-client';

/** The checkout's root, whether this file runs from test/ (jest) or from dist/test/ (benchmarks). */
const ROOT = path.resolve(
  __dirname,
  path.basename(path.resolve(__dirname, '../..')) === 'dist' ? '../../..' : '../..',
);
const MAIN = path.join(ROOT, 'dist/apps/api/src/main.js');
const ADMIN = path.join(ROOT, 'dist/apps/worker/src/admin.js');

/**
 * Creates the coordination centre and its first coordinator in `dataDir` with the real admin
 * tool, as an operator would, and returns the coordinator's API token.
 */
export function bootstrapDataDir(dataDir: string, env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(process.execPath, [ADMIN, 'bootstrap'], {
    env: { ...process.env, ...env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`admin bootstrap failed (${result.status}): ${result.stderr}`);
  return result.stdout.trim();
}

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

export const newDataDir = (): string => mkdtempSync(path.join(tmpdir(), 'dnscc-e2e-'));

/**
 * The built server (dist/, compiled by jest's global setup) as a real child process on a free
 * port, so tests can kill it with SIGKILL and start it again on the same data directory.
 */
export class DnsccServer {
  private child: ChildProcess | undefined;
  private output = '';

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    /** The bootstrap coordinator's API token; null when started with `bootstrap: false`. */
    readonly coordinatorToken: string | null,
  ) {}

  /**
   * Starts a server; on a new data directory it first bootstraps the coordination centre (unless
   * `bootstrap: false`), so tests hold a coordinator token as an operator would.
   */
  static async start(
    options: { dataDir?: string; env?: NodeJS.ProcessEnv; bootstrap?: boolean } = {},
  ): Promise<DnsccServer> {
    const dataDir = options.dataDir ?? newDataDir();
    const env = { RDAP_ENABLED: 'false', ...options.env };
    const token = options.bootstrap === false || options.dataDir ? null : bootstrapDataDir(dataDir, env);
    const server = new DnsccServer(dataDir, await freePort(), env, token);
    await server.boot();
    return server;
  }

  /** A GraphQL client sending `token` (the coordinator's by default) as its bearer token. */
  client(token: string | null = this.coordinatorToken, headers: Record<string, string> = {}): GraphqlClient {
    return new GraphqlClient(`${this.url}/graphql`, {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...headers,
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get logs(): string {
    return this.output;
  }

  async boot(): Promise<void> {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATA_DIR: this.dataDir,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    let exitCode: number | null | undefined;
    child.once('exit', (code) => (exitCode = code));
    for (let attempt = 0; attempt < 300 && exitCode === undefined; attempt += 1) {
      if (await this.healthy()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      exitCode === undefined
        ? `server did not become healthy:\n${this.output}`
        : `server exited with ${exitCode}:\n${this.output}`,
    );
  }

  /** Simulates a crash: no shutdown hooks, no flush. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /**
   * Stops the server, then the redis-server it ran under the data directory if one is still alive
   * (after `kill9()` it is orphaned), so tests never leak processes; then deletes the data directory.
   */
  async dispose(): Promise<void> {
    await this.stop();
    await terminateEmbeddedRedis(this.dataDir);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => {
        resolve();
      }),
    );
    child.kill(signal);
    await exited;
  }

  private async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.url}/health`)).ok;
    } catch {
      return false; // not listening yet
    }
  }
}
