import { loadConfig } from '@app/core';
import {
  LeasedReadModelRuntime,
  openEventStore,
  openReadModelRuntime,
  type Projection,
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

/** The command's batch size on SQLite; on PostgreSQL the runner's default (2,000) applies. */
const SQLITE_BATCH = 5000;
const POSTGRES_BATCH = 2000;

/** One projection's batches: how many, their events/s and their durations. */
export interface BatchStats {
  readonly projection: string;
  readonly batches: number;
  readonly eventsPerS: ThroughputSummary | null;
  readonly ms: { readonly p50: number; readonly p95: number; readonly max: number } | null;
  /** Seconds from the start of the replay until this projection reached the head. */
  readonly finishedS: number;
}

/** A rebuild through the command's code paths in this process, every batch timed. */
export interface RunnerRun {
  readonly method: 'runner';
  readonly store: RebuildStore;
  readonly events: number;
  readonly batchSize: number;
  /** Opening the store and read models, migrations included. */
  readonly openS: number;
  /** Emptying the read models (on PostgreSQL the longest of the concurrent resets). */
  readonly resetS: number;
  /** Open, reset and replay: what the command's own timer covers. */
  readonly seconds: number;
  readonly eventsPerS: number;
  /** SQLite: one row, all projections in one transaction per batch. PostgreSQL: one per projection. */
  readonly batches: readonly BatchStats[];
  readonly cpuPct: { readonly benchmark: number; readonly other: number | null };
}

const since = (t: number): number => performance.now() - t;
const round2 = (ms: number): number => Math.round(ms / 10) / 100;

function statsOf(projection: string, intervals: readonly Interval[], finishedMs: number): BatchStats {
  return {
    projection,
    batches: intervals.length,
    eventsPerS: summariseThroughput(intervals),
    ms: durationPercentiles(intervals),
    finishedS: round2(finishedMs),
  };
}

/** Measures CPU of this process and of the rest of the machine (the database server) around `work`. */
async function withCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpuPct: RunnerRun['cpuPct'] }> {
  const own = process.cpuUsage();
  const busy = machineBusyCpuMs();
  const started = performance.now();
  const result = await work();
  const wall = since(started);
  const used = process.cpuUsage(own);
  const ownMs = (used.user + used.system) / 1000;
  const busyMs = busy === null ? null : (machineBusyCpuMs() ?? busy) - busy;
  return {
    result,
    cpuPct: {
      benchmark: Math.round((ownMs * 100) / wall),
      other: busyMs === null ? null : Math.max(0, Math.round(((busyMs - ownMs) * 100) / wall)),
    },
  };
}

/** As `rebuildEmbedded` does: one runner over the store's connection, reset, catch up in batches of 5,000. */
export async function runSqliteRunner(file: string): Promise<RunnerRun> {
  const { result, cpuPct } = await withCpu(() => {
    const started = performance.now();
    const store = SqliteEventStore.open({ path: file });
    try {
      const runner = new SqliteProjectionRunner(store.database, store, PROJECTION_LIST);
      const head = store.headPositionSync();
      const openMs = since(started);
      const resetAt = performance.now();
      runner.reset();
      const resetMs = since(resetAt);
      const progress = startProgress('[runner sqlite] rebuild', Number(head));
      const intervals: Interval[] = [];
      let last = 0n;
      let lastAt = performance.now();
      const replayAt = lastAt;
      runner.catchUp((position) => {
        const now = performance.now();
        intervals.push({ events: Number(position - last), ms: now - lastAt });
        last = position;
        lastAt = now;
        progress.update(Number(position));
      }, SQLITE_BATCH);
      progress.stop();
      const all = statsOf(PROJECTION_LIST.map((p) => p.name).join('+'), intervals, since(replayAt));
      return Promise.resolve({
        head: Number(head),
        openMs,
        resetMs,
        totalMs: since(started),
        batches: [all],
      });
    } finally {
      void store.close();
    }
  });
  return finish('sqlite', SQLITE_BATCH, result, cpuPct);
}

/** As `rebuildLeased` does: leased read models, every projection reset and caught up concurrently. */
export async function runPostgresRunner(url: string, dataDir: string): Promise<RunnerRun> {
  const config = loadConfig({
    EVENT_STORE: 'postgres',
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  });
  const { result, cpuPct } = await withCpu(async () => {
    const started = performance.now();
    const store = await openEventStore(config);
    const runtime = openReadModelRuntime(config, store, PROJECTION_LIST);
    if (!(runtime instanceof LeasedReadModelRuntime)) throw new TypeError('expected leased read models');
    try {
      await runtime.prepare();
      const head = await store.headPosition();
      const openMs = since(started);
      const progress = startProgress('[runner postgres] rebuild', Number(head));
      const reached = new Map(PROJECTION_LIST.map((p) => [p.name, 0n]));
      const report = (name: string, position: bigint): void => {
        reached.set(name, position);
        progress.update(Number([...reached.values()].reduce((low, p) => (p < low ? p : low), head)));
      };
      const replayAt = performance.now();
      const outcomes = await Promise.all(
        PROJECTION_LIST.map((p) =>
          rebuildOne(runtime, p, replayAt, (position) => {
            report(p.name, position);
          }),
        ),
      );
      progress.stop();
      return {
        head: Number(head),
        openMs,
        resetMs: Math.max(...outcomes.map((o) => o.resetMs)),
        totalMs: since(started),
        batches: outcomes.map((o) => o.stats),
      };
    } finally {
      await runtime.stop();
      await store.close();
    }
  });
  return finish('postgres', POSTGRES_BATCH, result, cpuPct);
}

async function rebuildOne(
  runtime: LeasedReadModelRuntime,
  projection: Projection,
  replayAt: number,
  onProgress: (position: bigint) => void,
): Promise<{ resetMs: number; stats: BatchStats }> {
  const lease = await runtime.leases.tryAcquire(`projection:${projection.name}`);
  if (!lease) throw new Error(`another process holds the lease of projection ${projection.name}`);
  try {
    const resetAt = performance.now();
    await runtime.runner.reset([projection.name]);
    const resetMs = since(resetAt);
    const intervals: Interval[] = [];
    let last = 0n;
    let lastAt = performance.now();
    await runtime.runner.catchUp(projection, (position) => {
      const now = performance.now();
      intervals.push({ events: Number(position - last), ms: now - lastAt });
      last = position;
      lastAt = now;
      onProgress(position);
    });
    return { resetMs, stats: statsOf(projection.name, intervals, since(replayAt)) };
  } finally {
    await lease.release();
  }
}

interface Measured {
  readonly head: number;
  readonly openMs: number;
  readonly resetMs: number;
  readonly totalMs: number;
  readonly batches: readonly BatchStats[];
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
    batches: m.batches,
    cpuPct,
  };
}
