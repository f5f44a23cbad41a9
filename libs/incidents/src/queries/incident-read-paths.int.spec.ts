import { canSee } from '@app/access';
import type { MemberRole, Viewer } from '@app/core';
import type { ReadModelSql } from '@app/event-store';
// Test support of the event store, not part of its entry: specs only (dependency rules skip them).
import { syntheticIncidentLog } from '../domain/testing/synthetic-incident-log';
import { ProcessCheckpoint } from '../infrastructure/process-checkpoint';
import { accessFactsOf } from '../projections/incident-access.read-model';
import type { IncidentView } from '../projections/incident-view';
import { incidentsProjection } from '../projections/incidents.projection';
import { postgresEngine, sqliteEngine } from '@app/event-store/testing';
import { recordedLog } from '../projections/testing/recorded-incident-log';
import { escalationsOfIncident, timersFiringBefore, timersOfIncident } from '../sla/sla-clock.rows';
import { type IncidentListFilter, listIncidents } from './list-incidents/list-incidents.read-model';
import { MyEscalationsQuery, OPEN_ESCALATION_STATUSES } from './my-escalations/my-escalations.query';
import { listMyEscalations } from './my-escalations/my-escalations.read-model';

const log = recordedLog(syntheticIncidentLog(240));
const INCIDENT = log[0]?.streamId.slice('incident-'.length) ?? '';

const viewer = (organisationId: string, role: MemberRole, organisationVerified = false): Viewer => ({
  memberId: `member-of-${organisationId}`,
  memberName: 'Member',
  organisationId,
  organisationName: organisationId,
  role,
  admin: false,
  organisationVerified,
  tokenId: 'token',
});

const VIEWERS = [
  viewer('org-centre', 'COORDINATOR'),
  viewer('org-3', 'CSIRT', true),
  viewer('org-registry', 'REGISTRY'),
  viewer('org-4', 'REGISTRAR'),
];

const FILTERS: IncidentListFilter[] = [
  {},
  { status: ['RESOLVED', 'REOPENED'] },
  { severity: ['HIGH'], tlp: ['AMBER', 'GREEN', 'CLEAR'] },
  { tld: 'fr' },
  { domain: 'site-12.example.com' },
  {
    reportedAfter: new Date('2026-11-27T08:02:00.000Z'),
    reportedBefore: new Date('2026-11-27T08:05:00.000Z'),
  },
];

/** Every read path of the context over one read model: what a client could be shown. */
async function readPaths(sql: ReadModelSql) {
  const lists = [];
  for (const v of VIEWERS) {
    for (const filter of FILTERS) {
      const first = await listIncidents(sql, filter, 25, null, v);
      const cursor = first.nodes.at(-1)?.cursor ?? null;
      lists.push(first, await listIncidents(sql, filter, 25, cursor, v));
    }
  }
  const inboxes = [];
  for (const v of VIEWERS) {
    const inbox = (after: string | null) =>
      listMyEscalations(
        sql,
        new MyEscalationsQuery(v.organisationId, OPEN_ESCALATION_STATUSES, null, 15, after, v),
      );
    const first = await inbox(null);
    inboxes.push(first, await inbox(first.entries.at(-1)?.cursor ?? null));
  }
  const firstTimers = await timersFiringBefore(sql, null, 40, null);
  const nextTimers = await timersFiringBefore(
    sql,
    '2026-11-27T09:00:00.000Z',
    40,
    firstTimers.at(-1) ?? null,
  );
  return {
    lists,
    inboxes,
    timers: [firstTimers, nextTimers],
    ofIncident: [await timersOfIncident(sql, INCIDENT), await escalationsOfIncident(sql, INCIDENT)],
  };
}

async function listAll(sql: ReadModelSql, v: Viewer): Promise<IncidentView[]> {
  const incidents: IncidentView[] = [];
  for (let after: string | null = null; ;) {
    const page = await listIncidents(sql, {}, 100, after, v);
    incidents.push(...page.nodes.map((n) => n.incident));
    after = page.nodes.at(-1)?.cursor ?? null;
    if (!page.hasNextPage) return incidents;
  }
}

async function projected(sql: ReadModelSql): Promise<ReadModelSql> {
  await sql.exec(incidentsProjection.schema[sql.dialect]);
  await sql.transaction(() => incidentsProjection.apply(log));
  return sql;
}

describe('incident read paths', () => {
  const sqlite = sqliteEngine();
  const postgres = postgresEngine();
  afterAll(async () => {
    await sqlite.closeAll();
    await postgres.closeAll();
  });

  it('list exactly the incidents the access policy lets each viewer see', async () => {
    const sql = await projected(await sqlite.open());
    const all = await listAll(sql, viewer('org-centre', 'COORDINATOR'));
    expect(all).toHaveLength(240);
    for (const v of VIEWERS) {
      const visible = all.filter((incident) => canSee(v, accessFactsOf(incident)));
      expect((await listAll(sql, v)).map((i) => i.id)).toEqual(visible.map((i) => i.id));
      expect((await listIncidents(sql, {}, 1, null, v)).totalCount).toBe(visible.length);
    }
  });

  it('answer the same on PostgreSQL as on SQLite, order and counts included', async () => {
    const expected = await readPaths(await projected(await sqlite.open()));
    expect(expected.lists.some((page) => page.hasNextPage)).toBe(true);
    expect(expected.inboxes.some((page) => page.entries.length > 0)).toBe(true);
    expect(expected.timers[0]).toHaveLength(40);
    expect(await readPaths(await projected(await postgres.open()))).toEqual(expected);
  });

  it.each([
    ['SQLite', sqlite],
    ['PostgreSQL', postgres],
  ])('keep a process checkpoint beyond 2^31 on %s', async (_name, engine) => {
    const sql = await engine.open();
    const checkpoint = new ProcessCheckpoint(sql, 'incident-routing');
    await checkpoint.ensure();
    await checkpoint.ensure();
    expect(await checkpoint.read()).toBe(0n);
    await checkpoint.write(42n);
    await checkpoint.write(2n ** 40n);
    expect(await checkpoint.read()).toBe(2n ** 40n);
    expect(await new ProcessCheckpoint(sql, 'sla-scheduler').read()).toBe(0n);
  });
});
