import type { ReadModelSchema } from '@app/event-store';

/**
 * The incident read model's tables for either engine. Every column is TEXT or INTEGER, which SQLite
 * and PostgreSQL store and return alike (no value here exceeds 2^31), so the two DDLs differ only in
 * SQLite's STRICT typing, which PostgreSQL has by nature.
 */
const incidentsDdl = (strict: string): string => `
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
)${strict};
CREATE INDEX IF NOT EXISTS incident_view_by_reported ON incident_view (reported_at DESC, incident_id DESC);
CREATE INDEX IF NOT EXISTS incident_view_by_status ON incident_view (status, reported_at DESC);
CREATE TABLE IF NOT EXISTS incident_domain (
  incident_id TEXT NOT NULL,
  domain TEXT NOT NULL,
  registrable_domain TEXT NOT NULL,
  tld TEXT NOT NULL,
  PRIMARY KEY (incident_id, domain)
)${strict};
CREATE INDEX IF NOT EXISTS incident_domain_by_domain ON incident_domain (domain);
CREATE INDEX IF NOT EXISTS incident_domain_by_registrable ON incident_domain (registrable_domain);
CREATE INDEX IF NOT EXISTS incident_domain_by_tld ON incident_domain (tld);
CREATE TABLE IF NOT EXISTS incident_access (
  incident_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  relation TEXT NOT NULL,
  PRIMARY KEY (incident_id, organisation_id, relation)
)${strict};
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
)${strict};
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
)${strict};
CREATE INDEX IF NOT EXISTS sla_clock_by_next_fire ON sla_clock (next_fire_at);
CREATE INDEX IF NOT EXISTS sla_clock_by_incident ON sla_clock (incident_id)
`;

export const INCIDENTS_READ_MODEL_DDL = incidentsDdl(' STRICT');
export const INCIDENTS_READ_MODEL_PG_DDL = incidentsDdl('');

/** Both DDLs, and the tables a rebuild empties. */
export const INCIDENTS_READ_MODEL_SCHEMA: ReadModelSchema = {
  sqlite: INCIDENTS_READ_MODEL_DDL,
  postgres: INCIDENTS_READ_MODEL_PG_DDL,
  tables: ['incident_access', 'sla_clock', 'escalation_view', 'incident_domain', 'incident_view'],
};
