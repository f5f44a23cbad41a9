import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { GET, LIST, REPORT, aReport } from './support/incident-operations';
import { ScaleOutCluster } from './support/scale-out-cluster';

interface Reported {
  reportIncident: { incident: { id: string; version: number } };
}

const REBUILD = path.resolve(__dirname, '../dist/apps/worker/src/rebuild-projections.js');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two api and two worker processes of the built app on one PostgreSQL database and one Redis: what
 * one api writes another serves, and a projection's lease moves to the surviving worker when its
 * holder is killed, with every event applied exactly once.
 */
describe('scaled out on PostgreSQL: two api processes, two workers', () => {
  jest.setTimeout(120_000);
  let cluster: ScaleOutCluster;

  beforeAll(async () => {
    cluster = await ScaleOutCluster.start({ apis: 2, workers: 2 });
  });
  afterAll(async () => {
    await cluster.dispose();
  });

  const api = (n: 0 | 1) => {
    const server = cluster.apis[n];
    if (!server) throw new Error(`no api ${n}`);
    return server.client(cluster.token);
  };

  it('serves a mutation sent to one api through the other, at once', async () => {
    const { reportIncident } = await api(0).expectData<Reported>(REPORT, {
      input: aReport({ domains: ['scale-out-one.example.com'] }),
    });
    const { incident } = await api(1).expectData<{ incident: { id: string; domains: { name: string }[] } }>(
      GET,
      {
        id: reportIncident.incident.id,
      },
    );
    expect(incident.id).toBe(reportIncident.incident.id);
    expect(incident.domains.map((d) => d.name)).toEqual(['scale-out-one.example.com']);
  });

  it('moves each projection to the surviving worker when its holder is killed, skipping and repeating nothing', async () => {
    const holderPid = await eventually(() => cluster.leaseHolder('projection:incidents'));
    const holder = cluster.workers.find((w) => w.pid === holderPid);
    const survivor = cluster.workers.find((w) => w.pid !== holderPid);
    expect(holder).toBeDefined();

    // Reports keep arriving through both apis while the holder dies mid-stream.
    const ids: string[] = [];
    const report = async (n: number): Promise<void> => {
      const { reportIncident } = await api((n % 2) as 0 | 1).expectData<Reported>(REPORT, {
        input: aReport({ domains: [`takeover-${n}.example.com`] }),
      });
      ids.push(reportIncident.incident.id);
    };
    const writers = [0, 1, 2, 3].map(async (lane) => {
      for (let n = lane; n < 80; n += 4) {
        await report(n);
        if (n === 20) await holder?.kill9();
      }
    });
    await Promise.all(writers);

    expect(await eventually(() => cluster.leaseHolder('projection:incidents'))).toBe(survivor?.pid);
    // Exactly once: once every checkpoint has reached the head of the log, each incident's view has
    // folded exactly the events of its stream.
    expect(await settledMismatches(cluster)).toEqual([]);
    const { incidents } = await api(1).expectData<{ incidents: { totalCount: number } }>(LIST, { first: 1 });
    expect(incidents.totalCount).toBe(ids.length + 1);
    for (const id of ids.slice(-3)) {
      const { incident } = await api(0).expectData<{ incident: { id: string } }>(GET, { id });
      expect(incident.id).toBe(id);
    }
  });

  it('rebuilds the read models while the workers run: the lease holder replays the log from position 0', async () => {
    const before = await api(0).expectData<{ incidents: { totalCount: number } }>(LIST, { first: 1 });
    const rebuild = spawnSync(process.execPath, [REBUILD], {
      env: { ...process.env, ...cluster.env, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(rebuild.stderr).toMatch(/rebuilt by the worker holding the lease; following it/);
    expect(rebuild.stdout).toMatch(/Rebuilt incidents, directory, access from \d+ events on postgres/);
    expect(rebuild.status).toBe(0);
    expect(await settledMismatches(cluster)).toEqual([]);
    const after = await api(1).expectData<{ incidents: { totalCount: number } }>(LIST, { first: 1 });
    expect(after.incidents.totalCount).toBe(before.incidents.totalCount);
  });
});

/**
 * Waits until every checkpoint has reached the head of the log, then lists the incidents whose view
 * did not fold exactly the events of their stream (one statement, so one snapshot of both).
 */
function settledMismatches(cluster: ScaleOutCluster): Promise<unknown[]> {
  return eventually(async () => {
    const { rows } = await cluster.query<{ settled: boolean; mismatched: unknown[] | null }>(
      `SELECT (SELECT min(position) FROM projection_checkpoints) >= (SELECT max(position) FROM events) AS settled,
              (SELECT json_agg(json_build_object('incident', v.incident_id, 'version', v.version, 'events', s.n))
                 FROM incident_view v
                 JOIN (SELECT stream_id, count(*) AS n FROM events GROUP BY stream_id) s
                   ON s.stream_id = 'incident-' || v.incident_id
                WHERE v.version <> s.n) AS mismatched`,
    );
    return rows[0]?.settled ? (rows[0].mismatched ?? []) : null;
  });
}

/** Polls until `probe` answers something other than null (30 s at most). */
async function eventually<T>(probe: () => Promise<T | null>): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const value = await probe();
    if (value !== null) return value;
    await sleep(100);
  }
  throw new Error('condition not reached within 30 s');
}
