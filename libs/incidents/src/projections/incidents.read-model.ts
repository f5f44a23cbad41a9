import { prepareQuery, readModelQueryBuilder } from '@app/event-store';

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
 * A Kysely instance that only builds SQL, compiled for SQLite (the PostgreSQL connection renumbers
 * its placeholders): the projection's programs run it in the transaction that moves the checkpoint,
 * and queries through `ReadModelSql`.
 */
export const incidentsQueryBuilder = readModelQueryBuilder<IncidentsReadModel>();

/** The stored IncidentView of one incident: read by every mutation's answer, so compiled once. */
export const selectIncidentDocument = prepareQuery(1, (id: string) =>
  incidentsQueryBuilder.selectFrom('incident_view').select('document').where('incident_id', '=', id),
);
