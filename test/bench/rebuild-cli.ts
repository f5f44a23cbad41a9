import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CheckpointSampler, commitIntervals, type ProgressSample } from './checkpoint-sampler';
import { machineBusyCpuMs } from './cpu-time';
import type { RebuildStore } from './rebuild-config';
import { summariseThroughput, type ThroughputSummary } from './throughput-summary';

const CLI = path.resolve(__dirname, '../../apps/worker/src/rebuild-projections.js');
const USAGE_PRELOAD = path.resolve(__dirname, 'usage-at-exit.js');
const FINAL_LINE = /Rebuilt (.+) from (\d+) events(?: on (\w+))? in ([\d.]+) s \((\d+) events\/s\)/;
const HEARTBEAT_MS = 5000;

/** What the `projections:rebuild` command reported, and what the benchmark saw of it from outside. */
export interface CliRun {
  readonly method: 'cli';
  readonly store: RebuildStore;
  readonly command: string;
  /** The command's last line, verbatim. */
  readonly line: string;
  readonly events: number;
  /** As the command reports it: from after loading its settings to the last batch. */
  readonly seconds: number;
  readonly eventsPerS: number;
  /** From spawning the process to its exit: Node's start-up and module loading included. */
  readonly wallSeconds: number;
  /** Events/s of each batch the command committed, seen from outside (checkpoints sampled every 200 ms). */
  readonly batches: ThroughputSummary | null;
  readonly samples: readonly ProgressSample[];
  /** CPU of the command (100 = one core) and of everything else on the machine, the database server included. */
  readonly cpuPct: { readonly command: number | null; readonly other: number | null };
  readonly peakRssMiB: number | null;
}

export interface CliTarget {
  readonly store: RebuildStore;
  /** Environment that selects the store: DATA_DIR for SQLite, EVENT_STORE and DATABASE_URL for PostgreSQL. */
  readonly env: NodeJS.ProcessEnv;
  /** Where the checkpoints are read from: the SQLite file or the PostgreSQL URL. */
  readonly checkpoints: string;
  readonly projections: readonly string[];
  readonly head: number;
}

let running: ChildProcess | undefined;

/** For an interrupted run: the command must not outlive the benchmark. */
export function killRebuildCommand(): void {
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
}

/**
 * Runs `node dist/apps/worker/src/rebuild-projections.js` as an operator would (`npm run
 * projections:rebuild` without the build), its progress bar on this process's stderr, and parses its
 * final line. A preloaded hook records its CPU time and peak RSS at exit.
 */
export async function runRebuildCommand(target: CliTarget, usageFile: string): Promise<CliRun> {
  const startedAt = performance.now();
  const busyBefore = machineBusyCpuMs();
  const label = `[cli ${target.store}]`;
  const sampler = new CheckpointSampler(target.store, target.checkpoints, target.projections, startedAt);
  rmSync(usageFile, { force: true });
  const child = spawn(process.execPath, ['--require', USAGE_PRELOAD, CLI], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...target.env, BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running = child;
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  sampler.start();
  // Off a terminal the command's bar stays silent while SQLite replays synchronously: say it is alive.
  const heartbeat = process.stderr.isTTY
    ? undefined
    : setInterval(() => {
        const last = sampler.samples.at(-1);
        process.stderr.write(
          `${label} ${Math.round((performance.now() - startedAt) / 1000)} s, checkpoints at ${last?.position ?? 0}/${target.head}\n`,
        );
      }, HEARTBEAT_MS);
  const code = await new Promise<number | null>((resolve) =>
    child.once('exit', (exitCode) => {
      resolve(exitCode);
    }),
  );
  const wallMs = performance.now() - startedAt;
  const busy = busyBefore === null ? null : (machineBusyCpuMs() ?? busyBefore) - busyBefore;
  clearInterval(heartbeat);
  await sampler.stop();
  running = undefined;
  if (code !== 0) throw new Error(`${label} the rebuild command exited with ${code}; its output is above`);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const match = FINAL_LINE.exec(line);
  if (!match) throw new Error(`${label} unexpected last line of the rebuild command: '${line}'`);
  const usage = readUsage(usageFile);
  const commandMs = usage === null ? null : usage.userMs + usage.systemMs;
  const events = Number(match[2]);
  return {
    method: 'cli',
    store: target.store,
    command: `node ${path.relative(process.cwd(), CLI)}`,
    line,
    events,
    seconds: Number(match[4]),
    eventsPerS: Number(match[5]),
    wallSeconds: Math.round(wallMs / 10) / 100,
    batches: summariseThroughput(commitIntervals(sampler.samples, events)),
    samples: sampler.samples,
    cpuPct: {
      command: commandMs === null ? null : Math.round((commandMs * 100) / wallMs),
      other:
        busy === null || commandMs === null
          ? null
          : Math.max(0, Math.round(((busy - commandMs) * 100) / wallMs)),
    },
    peakRssMiB: usage === null ? null : Math.round(usage.maxRssKiB / 1024),
  };
}

function readUsage(file: string): { userMs: number; systemMs: number; maxRssKiB: number } | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { userMs: number; systemMs: number; maxRssKiB: number };
  } catch {
    return null;
  } finally {
    rmSync(file, { force: true });
  }
}
