import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@app/core';
import {
  type Lease,
  LeasedReadModelRuntime,
  openEventStore,
  openReadModelRuntime,
  SqliteEventStore,
  SqliteProjectionRunner,
} from '@app/event-store';
import { PROJECTION_LIST } from '../../apps/worker/src/projection-list';
import { machineBusyCpuMs } from './cpu-time';
import { startProgress } from './progress-line';
import type { RebuildStore } from './rebuild-config';
import {
  durationPercentiles,
  type Interval,
  summariseThroughput,
  type ThroughputSummary,
} from './throughput-summary';

const COMMAND = path.resolve(__dirname, '../../apps/worker/src/rebuild-projections.js');
const FALLBACK_BATCH = 20_000;

/**
 * The command's batch size (its REBUILD_BATCH_SIZE, for both stores), read from the built command so
 * that this pass follows it when it changes; the command is a script and exports nothing.
 */
export function commandBatchSize(): number {
  try {
    const match = /REBUILD_BATCH_SIZE\s*=\s*([\d_]+)/.exec(readFileSync(COMMAND, 'utf8'));
    const value = Number(match?.[1]?.replace(/_/g, ''));
    return Number.isInteger(value) && value > 0 ? value : FALLBACK_BATCH;
  } catch {
    return FALLBACK_BATCH;
  }
}

/** The batches of a pass: each one transaction that applies every projection to a stretch of the log. */
export interface BatchStats {
  readonly batches: number;
  readonly eventsPerS: ThroughputSummary | null;
  readonly ms: { readonly p50: number; readonly p95: number; readonly max: number } | null;
}

/** A rebuild through the command's code paths in this process, every batch timed. */
export interface RunnerRun {
  readonly method: 'runner';
  readonly store: RebuildStore;
  readonly events: number;
  readonly batchSize: number;
  /** Opening the store and read models, migrations included. */
  readonly openS: number;
  /** Emptying the read models. */
  readonly resetS: number;
  /** Open, reset and replay: what the command's own timer covers. */
  readonly seconds: number;
  readonly eventsPerS: number;
  readonly batches: BatchStats;
  readonly cpuPct: { readonly benchmark: number; readonly other: number | null };
}

interface Measured {
  readonly head: number;
  readonly openMs: number;
  readonly resetMs: number;
  readonly totalMs: number;
  readonly intervals: readonly Interval[];
}

const since = (t: number): number => performance.now() - t;
const round2 = (ms: number): number => Math.round(ms / 10) / 100;

/** Times each batch from the progress callback the runner calls after it commits. */
function batchClock(label: string, head: bigint) {
  const progress = startProgress(label, Number(head));
  const intervals: Interval[] = [];
  let last = 0n;
  let lastAt = performance.now();
  return {
    intervals,
    onBatch: (position: bigint): void => {
      const now = performance.now();
      intervals.push({ events: Number(position - last), ms: now - lastAt });
      last = position;
      lastAt = now;
      progress.update(Number(position));
    },
    stop: (): void => {
      progress.stop();
    },
  };
}

/** Measures CPU of this process and of the rest of the machine (the database server) around `work`. */
async function withCpu(work: () => Promise<Measured>): Promise<{ m: Measured; cpuPct: RunnerRun['cpuPct'] }> {
  const own = process.cpuUsage();
  const busy = machineBusyCpuMs();
  const started = performance.now();
  const m = await work();
  const wall = since(started);
  const used = process.cpuUsage(own);
  const ownMs = (used.user + used.system) / 1000;
  const busyMs = busy === null ? null : (machineBusyCpuMs() ?? busy) - busy;
  return {
    m,
    cpuPct: {
      benchmark: Math.round((ownMs * 100) / wall),
      other: busyMs === null ? null : Math.max(0, Math.round(((busyMs - ownMs) * 100) / wall)),
    },
  };
}

/** As `rebuildEmbedded` does: one runner over the store's connection, reset, catch up in batches. */
export async function runSqliteRunner(file: string, batchSize: number): Promise<RunnerRun> {
  const { m, cpuPct } = await withCpu(() => {
    const started = performance.now();
    const store = SqliteEventStore.open({ path: file });
    try {
      const runner = new SqliteProjectionRunner(store.database, store, PROJECTION_LIST);
      const head = store.headPositionSync();
      const openMs = since(started);
      const resetAt = performance.now();
      runner.reset();
      const resetMs = since(resetAt);
      const clock = batchClock('[runner sqlite] rebuild', head);
      runner.catchUp(clock.onBatch, batchSize);
      clock.stop();
      return Promise.resolve({
        head: Number(head),
        openMs,
        resetMs,
        totalMs: since(started),
        intervals: clock.intervals,
      });
    } finally {
      void store.close();
    }
  });
  return finish('sqlite', batchSize, m, cpuPct);
}

/** As `rebuildLeased` does: every projection's lease, reset them, then `catchUpAll` in large batches. */
export async function runPostgresRunner(url: string, dataDir: string, batchSize: number): Promise<RunnerRun> {
  const config = loadConfig({
    EVENT_STORE: 'postgres',
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });
  const { m, cpuPct } = await withCpu(async () => {
    const started = performance.now();
    const store = await openEventStore(config);
    const runtime = openReadModelRuntime(config, store, PROJECTION_LIST);
    if (!(runtime instanceof LeasedReadModelRuntime)) throw new TypeError('expected leased read models');
    const leases: Lease[] = [];
    try {
      await runtime.prepare();
      const head = await store.headPosition();
      for (const projection of PROJECTION_LIST) {
        const lease = await runtime.leases.tryAcquire(`projection:${projection.name}`);
        if (!lease) throw new Error(`another process holds the lease of projection ${projection.name}`);
        leases.push(lease);
      }
      const openMs = since(started);
      const resetAt = performance.now();
      await runtime.runner.reset(PROJECTION_LIST.map((p) => p.name));
      const resetMs = since(resetAt);
      const clock = batchClock('[runner postgres] rebuild', head);
      await runtime.runner.catchUpAll(PROJECTION_LIST, clock.onBatch, batchSize);
      clock.stop();
      return { head: Number(head), openMs, resetMs, totalMs: since(started), intervals: clock.intervals };
    } finally {
      await Promise.all(leases.map((lease) => lease.release()));
      await runtime.stop();
      await store.close();
    }
  });
  return finish('postgres', batchSize, m, cpuPct);
}

function finish(store: RebuildStore, batchSize: number, m: Measured, cpuPct: RunnerRun['cpuPct']): RunnerRun {
  return {
    method: 'runner',
    store,
    events: m.head,
    batchSize,
    openS: round2(m.openMs),
    resetS: round2(m.resetMs),
    seconds: round2(m.totalMs),
    eventsPerS: Math.round((m.head * 1000) / Math.max(m.totalMs, 1)),
    batches: {
      batches: m.intervals.length,
      eventsPerS: summariseThroughput(m.intervals),
      ms: durationPercentiles(m.intervals),
    },
    cpuPct,
  };
}
