import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { RebuildStore } from './rebuild-config';

/** The lowest checkpoint of the listed projections at a moment of the run. */
export interface ProgressSample {
  /** Seconds since the run started. */
  readonly atS: number;
  readonly position: number;
}

const QUERY = 'SELECT name, position FROM projection_checkpoints';

/** Reads the projections' checkpoints from outside the process that moves them. */
interface CheckpointReader {
  lowest(): Promise<number | null>;
  close(): Promise<void>;
}

function sqliteReader(file: string, names: readonly string[]): CheckpointReader {
  let db: Database.Database | undefined;
  return {
    lowest: () => {
      try {
        // Opened late: until the command has the file open in WAL mode, a read-only open may fail.
        db ??= new Database(file, { readonly: true, fileMustExist: true });
        const rows = db.prepare(QUERY).all() as { name: string; position: number }[];
        return Promise.resolve(lowestOf(rows, names));
      } catch {
        return Promise.resolve(null);
      }
    },
    close: () => {
      db?.close();
      return Promise.resolve();
    },
  };
}

function postgresReader(url: string, names: readonly string[]): CheckpointReader {
  const client = new Client({ connectionString: url, application_name: 'dnscc-bench-progress' });
  client.on('error', () => undefined);
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  return {
    lowest: async () => {
      if (!(await connected)) return null;
      try {
        const { rows } = await client.query<{ name: string; position: string }>(QUERY);
        return lowestOf(rows, names);
      } catch {
        return null;
      }
    },
    close: () => client.end().catch(() => undefined),
  };
}

/** 0 until every projection has its checkpoint row (the table is created by the command itself). */
function lowestOf(
  rows: readonly { name: string; position: number | string }[],
  names: readonly string[],
): number {
  const positions = names.map((name) => rows.find((row) => row.name === name)?.position);
  return positions.some((p) => p === undefined) ? 0 : Math.min(...positions.map(Number));
}

/**
 * Samples the lowest checkpoint while a rebuild runs elsewhere (every 200 ms): each batch commits its
 * rows and checkpoint together, so the samples show what was durably replayed, and when.
 */
export class CheckpointSampler {
  readonly samples: ProgressSample[] = [];
  private readonly reader: CheckpointReader;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> = Promise.resolve();

  constructor(
    store: RebuildStore,
    where: string,
    names: readonly string[],
    private readonly startedAt: number,
    private readonly onSample?: (sample: ProgressSample) => void,
  ) {
    this.reader = store === 'sqlite' ? sqliteReader(where, names) : postgresReader(where, names);
  }

  start(everyMs = 200): void {
    this.timer = setInterval(() => {
      this.reading = this.reading.then(() => this.sample());
    }, everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reading;
    await this.reader.close();
  }

  private async sample(): Promise<void> {
    const atS = (performance.now() - this.startedAt) / 1000;
    const position = await this.reader.lowest();
    if (position === null) return;
    const sample = { atS: Math.round(atS * 100) / 100, position };
    this.samples.push(sample);
    this.onSample?.(sample);
  }
}

/**
 * The batches as seen from outside: between consecutive changes of the lowest checkpoint, the events
 * committed and the time between the samples that first showed them. From the first commit on, so
 * start-up and reset do not count; a checkpoint left at the head by an earlier run is skipped too.
 * With samples every 200 ms, a batch's time is known to within 0.2 s.
 */
export function commitIntervals(
  samples: readonly ProgressSample[],
  head: number,
): { events: number; ms: number }[] {
  const changes = samples.filter((sample, i) => i === 0 || sample.position !== samples[i - 1]?.position);
  const intervals: { events: number; ms: number }[] = [];
  for (let i = 1; i < changes.length; i += 1) {
    const from = changes[i - 1];
    const to = changes[i];
    if (!from || !to || from.position <= 0 || from.position >= head || to.position < from.position) continue;
    intervals.push({ events: to.position - from.position, ms: (to.atS - from.atS) * 1000 });
  }
  return intervals;
}
