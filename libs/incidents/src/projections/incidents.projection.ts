import { prepareQuery, type Projection, type RecordedEvent, type SqlExecutor } from '@app/event-store';
import { ESCALATION_EVENT_TYPES } from '../domain/escalation.events';
import { INCIDENT_EVENT_TYPES, incidentIdOfStream } from '../domain/incident.events';
import { saveEscalations } from './escalations.read-model';
import { saveIncidentAccess } from './incident-access.read-model';
import { fromRecordedEvent } from '../infrastructure/incident-event.codec';
import { evolveIncidentView, type IncidentView } from './incident-view';
import {
  INCIDENTS_READ_MODEL_DDL,
  incidentsQueryBuilder as db,
  type IncidentViewTable,
  selectIncidentDocument,
} from './incidents.read-model';

const ESCALATION_TYPES: ReadonlySet<string> = new Set(ESCALATION_EVENT_TYPES);
/** Events that change who is involved in an incident. */
const ACCESS_CHANGES: ReadonlySet<string> = new Set([
  'IncidentReported',
  'IncidentShared',
  'EscalationSent',
  'EscalationApproved',
]);

/** Keeps `incident_view`, `incident_domain`, `escalation_view` and `sla_clock` equal to the fold of each incident stream. */
export const incidentsProjection: Projection = {
  name: 'incidents',
  eventTypes: new Set<string>(INCIDENT_EVENT_TYPES),

  migrate(sql: SqlExecutor): void {
    sql.database.exec(INCIDENTS_READ_MODEL_DDL);
  },

  project(recorded: RecordedEvent, sql: SqlExecutor): void {
    const { event, metadata } = fromRecordedEvent(recorded);
    let before: IncidentView | null = null;
    if (event.type !== 'IncidentReported') {
      const row = sql.firstPrepared(selectIncidentDocument, [incidentIdOfStream(recorded.streamId)]);
      before = row ? (JSON.parse(row.document) as IncidentView) : null;
    }
    const after = evolveIncidentView(before, event, metadata);
    if (!after) return;
    saveView(sql, after);
    if (event.type === 'IncidentReported' || event.type === 'DomainAdded') saveDomains(sql, after);
    if (ESCALATION_TYPES.has(event.type) || event.type === 'IncidentResolved') saveEscalations(sql, after);
    if (ACCESS_CHANGES.has(event.type)) saveIncidentAccess(sql, after);
  },

  reset(sql: SqlExecutor): void {
    sql.run(db.deleteFrom('incident_access'));
    sql.run(db.deleteFrom('sla_clock'));
    sql.run(db.deleteFrom('escalation_view'));
    sql.run(db.deleteFrom('incident_domain'));
    sql.run(db.deleteFrom('incident_view'));
  },
};

type ViewRow = [string, string, string | null, string, string, string, string, number, string];

const upsertView = prepareQuery(
  9,
  (...[id, status, severity, category, tlp, reportedAt, updatedAt, version, document]: ViewRow) => {
    const row: IncidentViewTable = {
      incident_id: id,
      status,
      severity,
      category,
      tlp,
      reported_at: reportedAt,
      updated_at: updatedAt,
      version,
      document,
    };
    return db
      .insertInto('incident_view')
      .values(row)
      .onConflict((oc) => oc.column('incident_id').doUpdateSet(row));
  },
);

const insertDomain = prepareQuery(4, (id: string, domain: string, registrable: string, tld: string) =>
  db
    .insertInto('incident_domain')
    .values({ incident_id: id, domain, registrable_domain: registrable, tld })
    .onConflict((oc) => oc.doNothing()),
);

function saveView(sql: SqlExecutor, view: IncidentView): void {
  sql.runPrepared(upsertView, [
    view.id,
    view.status,
    view.severity,
    view.category,
    view.tlp,
    view.reportedAt,
    view.updatedAt,
    view.version,
    JSON.stringify(view),
  ]);
}

function saveDomains(sql: SqlExecutor, view: IncidentView): void {
  for (const domain of view.domains) {
    sql.runPrepared(insertDomain, [view.id, domain.name, domain.registrableDomain, domain.tld]);
  }
}
