import type { EventMetadata } from '@app/core';
import type { ReadModelSql, RecordedEvent } from '@app/event-store';
// Test support of the event store, not part of its entry: specs only (dependency rules skip them).
import type { IncidentEvent } from '../domain/incident.events';
import { CENTRE, REGISTRY, escalationRequest, escalationSent } from '../domain/testing/escalation-fixtures';
import {
  commentAdded,
  domain,
  domainAdded,
  incidentReported,
  incidentResolved,
  reportIncident,
} from '../domain/testing/incident-fixtures';
import { syntheticIncidentLog } from '../domain/testing/synthetic-incident-log';
import { incidentsProjection } from './incidents.projection';
import { dumpIncidentsReadModel, type IncidentsReadModelDump } from './testing/incidents-read-model-dump';
import { postgresEngine, sqliteEngine } from '@app/event-store/testing';
import { recordedLog } from './testing/recorded-incident-log';

const REPORTED_TWICE = '01900000-0000-7000-8fff-00000000000a';
const LATE_REPORT = '01900000-0000-7000-8fff-00000000000b';
const NEVER_REPORTED = '01900000-0000-7000-8fff-00000000000c';

/** Histories the per-event projection handled in ways a batch must keep, before a busy log. */
const unusual: [incidentId: string, event: IncidentEvent][] = [
  [REPORTED_TWICE, incidentReported(reportIncident({ incidentId: REPORTED_TWICE }))],
  [REPORTED_TWICE, escalationSent(escalationRequest({ escalationId: `${REPORTED_TWICE}1` }))],
  [REPORTED_TWICE, { type: 'IncidentShared', data: { organisationId: 'org-peer', name: 'Peer' } }],
  // A second report starts the view again: rows of what it forgets stay, as they did.
  [
    REPORTED_TWICE,
    incidentReported(
      reportIncident({ incidentId: REPORTED_TWICE, tlp: 'RED', domains: [domain('b.example.org')] }),
    ),
  ],
  [
    REPORTED_TWICE,
    escalationSent(
      escalationRequest({
        escalationId: `${REPORTED_TWICE}2`,
        party: REGISTRY,
        nextParties: [CENTRE],
        domains: ['zz.example.net'],
      }),
    ),
  ],
  // After the last escalation event: the escalation rows keep the view they were written from.
  [REPORTED_TWICE, domainAdded('zz.example.net')],
  [REPORTED_TWICE, { type: 'IncidentShared', data: { organisationId: 'org-peer', name: 'Peer' } }],
  [REPORTED_TWICE, { type: 'IncidentShared', data: { organisationId: 'org-peer', name: 'Peer again' } }],
  [LATE_REPORT, commentAdded('comment-before-report')],
  [
    LATE_REPORT,
    incidentReported(
      reportIncident({
        incidentId: LATE_REPORT,
        domains: [domain('late.example.com'), domain('late.example.com')],
      }),
    ),
  ],
  [LATE_REPORT, incidentResolved()],
  [NEVER_REPORTED, commentAdded('comment-without-report')],
];

const metadataAt = (i: number): EventMetadata => ({
  eventId: `unusual-${i}`,
  correlationId: 'batch-spec',
  causationId: 'batch-spec',
  actor: { kind: 'member', organisationId: 'org-1', memberId: 'member-1' },
  occurredAt: new Date(Date.UTC(2026, 10, 27, 7, i)).toISOString(),
});

// More incidents than one chunk of the projection holds, so a whole-log batch spans several.
const log = recordedLog([
  ...unusual.map(([incidentId, event], i) => ({ incidentId, event, metadata: metadataAt(i) })),
  ...syntheticIncidentLog(560),
]);

const batchesOf = (size: number): RecordedEvent[][] =>
  Array.from({ length: Math.ceil(log.length / size) }, (_, i) => log.slice(i * size, (i + 1) * size));

async function projected(sql: ReadModelSql, batches: readonly (readonly RecordedEvent[])[]) {
  await sql.exec(incidentsProjection.schema[sql.dialect]);
  for (const batch of batches) await sql.transaction(() => incidentsProjection.apply(batch));
  return dumpIncidentsReadModel(sql);
}

/** The per-event result: every batch of one event loads the view the previous one stored. */
let oneByOne: IncidentsReadModelDump;
const reference = sqliteEngine();
beforeAll(async () => {
  oneByOne = await projected(await reference.open(), batchesOf(1));
}, 60_000);
afterAll(() => reference.closeAll());

it('keeps the unusual histories as the per-event projection did', () => {
  const views = oneByOne.incident_view.map((row) => row.incident_id);
  expect(views).toEqual(expect.arrayContaining([REPORTED_TWICE, LATE_REPORT]));
  expect(views).not.toContain(NEVER_REPORTED);
  const escalations = oneByOne.escalation_view.filter((row) => row.incident_id === REPORTED_TWICE);
  expect(escalations.map((row) => row.primary_registrable)).toEqual(['login-paypa1.com', 'example.org']);
  expect(oneByOne.incident_access.filter((row) => row.incident_id === REPORTED_TWICE)).toHaveLength(2);
});

describe.each([
  ['SQLite', sqliteEngine()],
  ['PostgreSQL', postgresEngine()],
])('incidentsProjection in batches on %s', (_name, engine) => {
  afterEach(() => engine.closeAll());

  it('leaves the same rows after the whole log in one batch as after one event at a time', async () => {
    expect(await projected(await engine.open(), [log])).toEqual(oneByOne);
  });

  it('leaves the same rows when batches cut histories, so stored views are loaded', async () => {
    expect(await projected(await engine.open(), batchesOf(997))).toEqual(oneByOne);
  });
});

describe('incidentsProjection one event at a time on PostgreSQL', () => {
  const engine = postgresEngine();
  afterAll(() => engine.closeAll());

  it('leaves the same rows as on SQLite', async () => {
    const first = log.slice(0, 400);
    const sqlite = await projected(await reference.open(), [first]);
    expect(
      await projected(
        await engine.open(),
        first.map((event) => [event]),
      ),
    ).toEqual(sqlite);
  });
});
