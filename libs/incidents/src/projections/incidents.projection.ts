import type { Projection, RecordedEvent, SqlExecutor } from '@app/event-store';
import { INCIDENT_EVENT_TYPES } from '../domain/incident.events';
import { fromRecordedEvent } from '../infrastructure/incident-event.codec';
import { evolveIncidentView, type IncidentView } from './incident-view';
import { INCIDENTS_READ_MODEL_DDL, incidentsQueryBuilder as db } from './incidents.read-model';

/** Keeps `incident_view` and `incident_domain` equal to the fold of each incident stream. */
export const incidentsProjection: Projection = {
  name: 'incidents',
  eventTypes: new Set<string>(INCIDENT_EVENT_TYPES),

  migrate(sql: SqlExecutor): void {
    sql.database.exec(INCIDENTS_READ_MODEL_DDL);
  },

  project(recorded: RecordedEvent, sql: SqlExecutor): void {
    const { event, metadata } = fromRecordedEvent(recorded);
    const id = event.type === 'IncidentReported' ? event.data.incidentId : incidentIdOf(recorded.streamId);
    const row = sql.first(db.selectFrom('incident_view').select('document').where('incident_id', '=', id));
    const before = row ? (JSON.parse(row.document) as IncidentView) : null;
    const after = evolveIncidentView(before, event, metadata);
    if (!after) return;
    saveView(sql, after);
    if (event.type === 'IncidentReported' || event.type === 'DomainAdded') saveDomains(sql, after);
  },

  reset(sql: SqlExecutor): void {
    sql.run(db.deleteFrom('incident_domain'));
    sql.run(db.deleteFrom('incident_view'));
  },
};

function incidentIdOf(streamId: string): string {
  return streamId.slice(streamId.indexOf('-') + 1);
}

function saveView(sql: SqlExecutor, view: IncidentView): void {
  const row = {
    incident_id: view.id,
    status: view.status,
    severity: view.severity,
    category: view.category,
    tlp: view.tlp,
    reported_at: view.reportedAt,
    updated_at: view.updatedAt,
    version: view.version,
    document: JSON.stringify(view),
  };
  sql.run(
    db
      .insertInto('incident_view')
      .values(row)
      .onConflict((oc) => oc.column('incident_id').doUpdateSet(row)),
  );
}

function saveDomains(sql: SqlExecutor, view: IncidentView): void {
  for (const domain of view.domains) {
    sql.run(
      db
        .insertInto('incident_domain')
        .values({
          incident_id: view.id,
          domain: domain.name,
          registrable_domain: domain.registrableDomain,
          tld: domain.tld,
        })
        .onConflict((oc) => oc.doNothing()),
    );
  }
}
