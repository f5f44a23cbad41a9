import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bootstrapDataDir, freePort } from '../support/dnscc-server';
import { processCpuMs } from './cpu-time';

const MAIN = path.resolve(__dirname, '../../apps/api/src/main.js');
const HEALTH_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_KEPT_CHARS = 16_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The built API server (dist/) as a child process on a free port with a fresh, empty data directory,
 * as an operator would run it; the benchmark's load generator stays in the parent process.
 */
export class ServerProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly dataDir: string,
    /** The bootstrap coordinator's API token, sent with every request. */
    readonly token: string,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-OUTPUT_KEPT_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /**
   * Starts the server (with extra `nodeArgs` such as --cpu-prof, and `env` on top of the defaults, e.g.
   * EVENT_STORE and DATABASE_URL) and resolves once GET /health answers 200.
   */
  static async start(
    nodeArgs: readonly string[] = [],
    extraEnv: NodeJS.ProcessEnv = {},
  ): Promise<ServerProcess> {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dnscc-bench-'));
    // RDAP off: the benchmark measures the centre, not the network; reports are still routed.
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RDAP_ENABLED: 'false',
      // One token sends thousands of requests a second here: the per-token limit would be what is measured.
      RATE_LIMIT_PER_MINUTE: '0',
      ...extraEnv,
    };
    const token = bootstrapDataDir(dataDir, env);
    const child = spawn(process.execPath, [...nodeArgs, MAIN], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`, dataDir, token);
    try {
      await server.waitForHealth();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The last lines the server printed, for failure messages. */
  get recentOutput(): string {
    return this.output;
  }

  /** CPU time (user + system, all threads) the server has used so far, in ms; null off Linux. */
  cpuTimeMs(): number | null {
    return processCpuMs(this.child.pid);
  }

  /** Bytes in the data directory (event store and read models, WAL included). */
  dataDirBytes(): number {
    return readdirSync(this.dataDir, { recursive: true, encoding: 'utf8' })
      .map((name) => statSync(path.join(this.dataDir, name)))
      .filter((stats) => stats.isFile())
      .reduce((sum, stats) => sum + stats.size, 0);
  }

  /** SIGTERM, SIGKILL if it lingers, then removes the data directory. */
  async stop(): Promise<void> {
    const { child } = this;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => {
        child.once('exit', () => {
          resolve();
        });
      });
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Kills the server without waiting, for an interrupted run. */
  killNow(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async waitForHealth(): Promise<void> {
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(
          `server exited (${this.child.exitCode ?? this.child.signalCode}) before it was healthy:\n${this.output}`,
        );
      }
      try {
        if ((await fetch(`${this.url}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`server did not answer /health within ${HEALTH_TIMEOUT_MS} ms:\n${this.output}`);
  }
}
