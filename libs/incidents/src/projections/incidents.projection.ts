import { type Projection, type RecordedEvent, step, type SqlProgram } from '@app/event-store';
import { INCIDENT_EVENT_TYPES, incidentIdOfStream } from '../domain/incident.events';
import { fromRecordedEvent, type StoredIncidentEvent } from '../infrastructure/incident-event.codec';
import { saveEscalations } from './escalations.read-model';
import { foldIncidentEvents, type IncidentChanges } from './incident-changes';
import { saveIncidentAccess } from './incident-access.read-model';
import type { IncidentView } from './incident-view';
import { INCIDENTS_READ_MODEL_SCHEMA } from './incidents-schema.read-model';
import {
  type IncidentDomainTable,
  incidentsQueryBuilder as db,
  type IncidentViewTable,
} from './incidents.read-model';
import {
  fromExcluded,
  multiRowWrite,
  paddedIds,
  slicesOf,
  statementSizes,
  writeRows,
} from './multi-row-writes';

/** Incidents loaded, folded and written together; also bounds the ids of each `in (...)`. */
const INCIDENTS_PER_CHUNK = 500;

/**
 * Keeps `incident_view`, `incident_domain`, `escalation_view`, `sla_clock` and `incident_access`
 * equal to the fold of each incident stream. A batch is applied incident by incident in memory and
 * written with a few multi-row statements per chunk of incidents, instead of a read and several
 * writes per event: a rebuild of a long log is bounded by the rows written, not by round trips.
 */
export const incidentsProjection: Projection = {
  name: 'incidents',
  eventTypes: new Set<string>(INCIDENT_EVENT_TYPES),
  schema: INCIDENTS_READ_MODEL_SCHEMA,

  *apply(events: readonly RecordedEvent[]): SqlProgram<void> {
    const byIncident = eventsByIncident(events);
    const incidents = [...byIncident.entries()];
    for (const chunk of slicesOf(incidents, statementSizes(incidents.length, INCIDENTS_PER_CHUNK))) {
      yield* applyChunk(chunk);
    }
  },
};

type IncidentEvents = readonly [incidentId: string, events: readonly StoredIncidentEvent[]];

/** The batch's events of each incident, in log order; incidents in the order they first appear. */
function eventsByIncident(events: readonly RecordedEvent[]): Map<string, StoredIncidentEvent[]> {
  const byIncident = new Map<string, StoredIncidentEvent[]>();
  for (const recorded of events) {
    const incidentId = incidentIdOfStream(recorded.streamId);
    let list = byIncident.get(incidentId);
    if (!list) byIncident.set(incidentId, (list = []));
    list.push(fromRecordedEvent(recorded));
  }
  return byIncident;
}

function* applyChunk(chunk: readonly IncidentEvents[]): SqlProgram<void> {
  // An incident whose events start with its report does not need what was stored before.
  const continued = chunk.filter(([, events]) => events[0]?.event.type !== 'IncidentReported');
  const stored = yield* loadViews(continued.map(([incidentId]) => incidentId));
  const changes: IncidentChanges[] = [];
  for (const [incidentId, events] of chunk) {
    const changed = foldIncidentEvents(stored.get(incidentId) ?? null, events);
    if (changed) changes.push(changed);
  }
  yield* writeRows(
    upsertViews,
    changes.map(({ view }) => viewRowOf(view)),
  );
  yield* writeRows(insertDomains, changes.flatMap(domainRowsOf));
  yield* saveEscalations(changes);
  yield* saveIncidentAccess(changes);
}

function* loadViews(incidentIds: readonly string[]): SqlProgram<Map<string, IncidentView>> {
  if (incidentIds.length === 0) return new Map();
  const rows = yield* step.all(
    db
      .selectFrom('incident_view')
      .select(['incident_id', 'document'])
      .where('incident_id', 'in', paddedIds(incidentIds)),
  );
  return new Map(rows.map((row) => [row.incident_id, JSON.parse(row.document) as IncidentView]));
}

const VIEW_COLUMNS = [
  'incident_id',
  'status',
  'severity',
  'category',
  'tlp',
  'reported_at',
  'updated_at',
  'version',
  'document',
] as const satisfies readonly (keyof IncidentViewTable)[];

const upsertViews = multiRowWrite<IncidentViewTable>(VIEW_COLUMNS, (rows) =>
  db
    .insertInto('incident_view')
    .values(rows)
    .onConflict((oc) => oc.column('incident_id').doUpdateSet(fromExcluded(VIEW_COLUMNS, 'incident_id'))),
);

const insertDomains = multiRowWrite<IncidentDomainTable>(
  ['incident_id', 'domain', 'registrable_domain', 'tld'],
  (rows) =>
    db
      .insertInto('incident_domain')
      .values(rows)
      .onConflict((oc) => oc.doNothing()),
);

const viewRowOf = (view: IncidentView): IncidentViewTable => ({
  incident_id: view.id,
  status: view.status,
  severity: view.severity,
  category: view.category,
  tlp: view.tlp,
  reported_at: view.reportedAt,
  updated_at: view.updatedAt,
  version: view.version,
  document: JSON.stringify(view),
});

const domainRowsOf = ({ view, domains }: IncidentChanges): IncidentDomainTable[] =>
  domains.map((d) => ({
    incident_id: view.id,
    domain: d.name,
    registrable_domain: d.registrableDomain,
    tld: d.tld,
  }));
