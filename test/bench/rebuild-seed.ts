import { PostgresEventStore, SqliteEventStore } from '@app/event-store';
import { incidentLogRounds, type IncidentLogOptions, type LogAppend } from './incident-log';
import { startProgress } from './progress-line';

/** How a store got its log, and how long that took; setup, not what the benchmark measures. */
export interface SeedResult {
  readonly method: string;
  readonly events: number;
  readonly appends: number;
  readonly seconds: number;
  readonly eventsPerS: number;
}

/** Seeding through appends is abandoned for a bulk copy when this probe projects it past the budget. */
const PROBE_S = 10;

const seconds = (since: number): number => Math.round((performance.now() - since) / 10) / 100;

const append = (store: SqliteEventStore | PostgresEventStore, a: LogAppend) =>
  store.append(a.streamId, a.events, { expectedRevision: a.expectedRevision });

/**
 * Appends the log to a new SQLite store through `SqliteEventStore.append`: a round's appends are
 * queued together, so group commit writes them in a few transactions. synchronous=NORMAL, since
 * seeding is setup; the rebuild then opens the file as the command does (FULL).
 */
export async function seedSqlite(path: string, log: IncidentLogOptions): Promise<SeedResult> {
  const store = SqliteEventStore.open({ path, synchronous: 'NORMAL', maxBatchSize: 512 });
  const progress = startProgress('seed sqlite  ', log.events);
  const started = performance.now();
  let events = 0;
  let appends = 0;
  try {
    for (const round of incidentLogRounds(log)) {
      await Promise.all(round.map((a) => append(store, a)));
      appends += round.length;
      events += round.reduce((sum, a) => sum + a.events.length, 0);
      progress.update(events);
    }
  } finally {
    progress.stop();
    await store.close();
  }
  const s = seconds(started);
  return {
    method: 'SqliteEventStore.append, group commit',
    events,
    appends,
    seconds: s,
    eventsPerS: Math.round(events / s),
  };
}

export type PostgresAppendSeed =
  | { readonly kind: 'seeded'; readonly result: SeedResult }
  | {
      readonly kind: 'too-slow';
      readonly events: number;
      readonly seconds: number;
      readonly projectedS: number;
    };

/**
 * Appends the same log through `PostgresEventStore.append`, a round's appends (distinct streams) in
 * flight together. After a short probe it gives up when the whole log would take longer than
 * `budgetS`: appends serialise on the store's append lock, one commit each.
 */
export async function seedPostgresByAppends(
  url: string,
  log: IncidentLogOptions,
  budgetS: number,
): Promise<PostgresAppendSeed> {
  const store = await PostgresEventStore.open({ connectionString: url, poolSize: 16 });
  const progress = startProgress('seed postgres', log.events);
  const started = performance.now();
  let events = 0;
  let appends = 0;
  try {
    for (const round of incidentLogRounds(log)) {
      await Promise.all(round.map((a) => append(store, a)));
      appends += round.length;
      events += round.reduce((sum, a) => sum + a.events.length, 0);
      progress.update(events);
      const elapsed = seconds(started);
      if (elapsed >= PROBE_S && events < log.events) {
        const projectedS = Math.round((log.events * elapsed) / events);
        if (projectedS > budgetS) return { kind: 'too-slow', events, seconds: elapsed, projectedS };
      }
    }
  } finally {
    progress.stop();
    await store.close();
  }
  const s = seconds(started);
  return {
    kind: 'seeded',
    result: {
      method: 'PostgresEventStore.append, a round of appends in flight',
      events,
      appends,
      seconds: s,
      eventsPerS: Math.round(events / s),
    },
  };
}
