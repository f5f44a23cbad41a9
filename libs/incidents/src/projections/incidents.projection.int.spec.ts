import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock, uuidV7, type CommandContext } from '@app/core';
import { SqliteEventStore, SqliteProjectionRunner, SqliteReadModelSql } from '@app/event-store';
import { normaliseDomain } from '@app/core';
import { reportIncident } from '../domain/testing/incident-fixtures';
import { IncidentStreamRepository } from '../infrastructure/incident-stream.repository';
import { incidentsProjection } from './incidents.projection';
import { incidentsQueryBuilder as db } from './incidents.read-model';
import { dumpIncidentsReadModel } from './testing/incidents-read-model-dump';

const context: CommandContext = {
  actor: { kind: 'anonymous', organisationId: null, memberId: null },
  correlationId: 'projection-spec',
  causationId: 'projection-spec',
};
const REBUILD = path.resolve(__dirname, '../../../../dist/apps/worker/src/rebuild-projections.js');

/** The read model of the store's file, through a runner as the application opens it. */
const dump = (store: SqliteEventStore) =>
  dumpIncidentsReadModel(
    new SqliteReadModelSql(new SqliteProjectionRunner(store.database, store, [incidentsProjection]).sql),
  );

describe('incidents projection on SQLite', () => {
  let dir: string;
  let store: SqliteEventStore;
  let runner: SqliteProjectionRunner;
  let incidents: IncidentStreamRepository;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dnscc-projection-'));
    store = SqliteEventStore.open({ path: path.join(dir, 'dnscc.sqlite'), synchronous: 'NORMAL' });
    runner = new SqliteProjectionRunner(store.database, store, [incidentsProjection]);
    store.addInlineHook((events) => {
      runner.applyInline(events);
    });
    incidents = new IncidentStreamRepository(store, systemClock);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A varied history: every event type, several domains, some incidents resolved and reopened. */
  async function writeHistory(count: number): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, async (_, n) => {
        const incidentId = uuidV7();
        await incidents.execute(
          incidentId,
          reportIncident({ incidentId, domains: [normaliseDomain(`site-${n}.example.com`)] }),
          context,
        );
        await incidents.execute(
          incidentId,
          { type: 'TriageIncident', severity: n % 2 ? 'HIGH' : 'LOW', category: null, note: null },
          context,
        );
        await incidents.execute(
          incidentId,
          { type: 'AddIncidentDomain', domain: normaliseDomain(`mirror-${n}.example.fr`) },
          context,
        );
        await incidents.execute(
          incidentId,
          { type: 'CommentOnIncident', commentId: uuidV7(), text: `note ${n}` },
          context,
        );
        if (n % 3 === 0) {
          await incidents.execute(
            incidentId,
            { type: 'ResolveIncident', outcome: 'MITIGATED', note: null },
            context,
          );
          if (n % 2 === 0)
            await incidents.execute(incidentId, { type: 'ReopenIncident', reason: 'back online' }, context);
        }
      }),
    );
  }

  it('projects inline: the read model is current as soon as an append returns', async () => {
    const incidentId = uuidV7();
    const { position } = await incidents.execute(incidentId, reportIncident({ incidentId }), context);
    expect(runner.status()).toEqual([{ name: 'incidents', checkpoint: position }]);
    const row = await new SqliteReadModelSql(runner.sql).first(
      db.selectFrom('incident_view').select(['status', 'version']).where('incident_id', '=', incidentId),
    );
    expect(row).toEqual({ status: 'REPORTED', version: 1 });
  });

  it('rebuilds from position 0 to exactly the same read model', async () => {
    await writeHistory(60);
    const before = await dump(store);
    runner.reset();
    expect(Object.values(await dump(store)).flat()).toEqual([]);
    const progress: bigint[] = [];
    runner.catchUp((position) => progress.push(position), 50);
    expect(progress.length).toBeGreaterThan(3);
    expect(await dump(store)).toEqual(before);
  });

  it('catches up inline when a rebuild has rewound the checkpoint, skipping nothing', async () => {
    await writeHistory(10);
    const before = await dump(store);
    runner.reset();
    const incidentId = uuidV7();
    await incidents.execute(incidentId, reportIncident({ incidentId }), context);
    const after = await dump(store);
    expect(after.incident_view).toHaveLength(before.incident_view.length + 1);
  });

  it('is rebuilt by `npm run projections:rebuild` from the command line with the same result', async () => {
    await writeHistory(30);
    const before = await dump(store);
    await store.close();
    const output = execFileSync(process.execPath, [REBUILD], {
      env: { ...process.env, DATA_DIR: dir },
      encoding: 'utf8',
    });
    expect(output).toMatch(/Rebuilt incidents, directory, access from \d+ events/);
    store = SqliteEventStore.open({ path: path.join(dir, 'dnscc.sqlite') });
    expect(await dump(store)).toEqual(before);
  });
});
