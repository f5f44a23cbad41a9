import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const WORKER = path.resolve(__dirname, '../../dist/apps/worker/src/main.js');

/**
 * The built worker (ROLE=worker) as a child process on a data directory, so a test can kill it with
 * SIGKILL mid-work and start another; `stop()` ends it whatever state it is in.
 */
export class WorkerProcess {
  private output = '';
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.once('exit', () => (this.exited = true));
  }

  /** Spawns a worker and waits until it logs that it started (its reconciler has run by then). */
  static async start(dataDir: string, env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
    const child = spawn(process.execPath, [WORKER], {
      env: { ...process.env, ROLE: 'worker', LOG_LEVEL: 'info', ...env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    const deadline = Date.now() + 30_000;
    while (!worker.output.includes('dnscc worker started')) {
      if (worker.exited || Date.now() > deadline) {
        await worker.stop();
        throw new Error(`worker did not start:\n${worker.output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return worker;
  }

  get logs(): string {
    return this.output;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** A crash: no shutdown hooks, BullMQ jobs and locks left as they are. */
  kill9(): Promise<void> {
    return this.signal('SIGKILL');
  }

  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  async stop(): Promise<void> {
    const timer = setTimeout(() => void this.signal('SIGKILL'), 10_000);
    await this.signal('SIGTERM');
    clearTimeout(timer);
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => {
      this.child.once('exit', () => {
        resolve();
      });
    });
    this.child.kill(signal);
    await exited;
  }
}
