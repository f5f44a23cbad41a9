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

export interface IncidentsReadModel {
  incident_view: IncidentViewTable;
  incident_domain: IncidentDomainTable;
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
`;
