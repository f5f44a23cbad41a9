import { Kysely, SqliteAdapter, DummyDriver, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { prepareQuery } from '@app/event-store';

/** Tables of the incident read model; `document` holds the IncidentView as JSON. */
export interface IncidentViewTable {
  incident_id: string;
  status: string;
  severity: string | null;
  category: string;
  tlp: string;
  reported_at: string;
  updated_at: string;
  version: number;
  document: string;
}

/** One row per (incident, domain), for filtering by domain, registrable domain and TLD. */
export interface IncidentDomainTable {
  incident_id: string;
  domain: string;
  registrable_domain: string;
  tld: string;
}

/** One row per escalation, for a party's inbox ordered by urgency. */
export interface EscalationViewTable {
  escalation_id: string;
  incident_id: string;
  organisation_id: string;
  status: string;
  request_type: string;
  reporter_verified: number;
  /** Earliest deadline of a running clock; null when no clock runs. */
  next_due_at: string | null;
  /** Registrable domain of the first domain, to count reports about the same domain. */
  primary_registrable: string;
  sent_at: string;
  updated_at: string;
  document: string;
}

/**
 * The open clocks: one row per running clock with its pending reminders. Events are the truth and
 * Redis only caches timers; the reconciler re-creates any missing timer from these rows.
 */
export interface SlaClockTable {
  incident_id: string;
  escalation_id: string;
  clock: string;
  started_at: string;
  due_at: string;
  /** JSON array of `{ fraction, at }` not yet issued. */
  reminders: string;
  /** When this clock's next timer fires: its earliest pending reminder, else its deadline. */
  next_fire_at: string;
}

/** Who is involved in an incident and how: the rows behind visibility filtering in SQL. */
export interface IncidentAccessTable {
  incident_id: string;
  organisation_id: string;
  /** REPORTER, RECIPIENT or ADDRESSED (the access policy's relations). */
  relation: string;
}

export interface IncidentsReadModel {
  incident_access: IncidentAccessTable;
  incident_view: IncidentViewTable;
  incident_domain: IncidentDomainTable;
  escalation_view: EscalationViewTable;
  sla_clock: SlaClockTable;
}

/**
 * A Kysely instance that only builds SQL: the projection executes it synchronously inside the
 * append transaction, and queries execute it through the read-model connection.
 */
export const incidentsQueryBuilder = new Kysely<IncidentsReadModel>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/** The stored IncidentView of one incident: read by every mutation's answer and every projection step. */
export const selectIncidentDocument = prepareQuery(1, (id: string) =>
  incidentsQueryBuilder.selectFrom('incident_view').select('document').where('incident_id', '=', id),
);

export const INCIDENTS_READ_MODEL_DDL = `
CREATE TABLE IF NOT EXISTS incident_view (
  incident_id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  severity TEXT,
  category TEXT NOT NULL,
  tlp TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  document TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS incident_view_by_reported ON incident_view (reported_at DESC, incident_id DESC);
CREATE INDEX IF NOT EXISTS incident_view_by_status ON incident_view (status, reported_at DESC);
CREATE TABLE IF NOT EXISTS incident_domain (
  incident_id TEXT NOT NULL,
  domain TEXT NOT NULL,
  registrable_domain TEXT NOT NULL,
  tld TEXT NOT NULL,
  PRIMARY KEY (incident_id, domain)
) STRICT;
CREATE INDEX IF NOT EXISTS incident_domain_by_domain ON incident_domain (domain);
CREATE INDEX IF NOT EXISTS incident_domain_by_registrable ON incident_domain (registrable_domain);
CREATE INDEX IF NOT EXISTS incident_domain_by_tld ON incident_domain (tld);
CREATE TABLE IF NOT EXISTS incident_access (
  incident_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  relation TEXT NOT NULL,
  PRIMARY KEY (incident_id, organisation_id, relation)
) STRICT;
CREATE INDEX IF NOT EXISTS incident_access_by_organisation ON incident_access (organisation_id, relation);
CREATE TABLE IF NOT EXISTS escalation_view (
  escalation_id TEXT PRIMARY KEY,
  incident_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  status TEXT NOT NULL,
  request_type TEXT NOT NULL,
  reporter_verified INTEGER NOT NULL,
  next_due_at TEXT,
  primary_registrable TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  document TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS escalation_view_by_organisation ON escalation_view (organisation_id, status);
CREATE INDEX IF NOT EXISTS escalation_view_by_incident ON escalation_view (incident_id);
CREATE TABLE IF NOT EXISTS sla_clock (
  incident_id TEXT NOT NULL,
  escalation_id TEXT NOT NULL,
  clock TEXT NOT NULL,
  started_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  reminders TEXT NOT NULL,
  next_fire_at TEXT NOT NULL,
  PRIMARY KEY (escalation_id, clock)
) STRICT;
CREATE INDEX IF NOT EXISTS sla_clock_by_next_fire ON sla_clock (next_fire_at);
CREATE INDEX IF NOT EXISTS sla_clock_by_incident ON sla_clock (incident_id);
`;
