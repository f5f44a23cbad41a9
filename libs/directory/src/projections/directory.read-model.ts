import { readModelQueryBuilder, prepareQuery, type ReadModelSchema } from '@app/event-store';

export interface OrganisationViewTable {
  organisation_id: string;
  kind: string;
  name: string;
  /** Lower-case name: the list order, stable across case differences. */
  sort_name: string;
  /** Lower-case name and aliases, newline separated, for name search. */
  search_text: string;
  verification_status: string;
  verification_expires_at: string | null;
  updated_at: string;
  version: number;
  document: string;
}

/** One row per thing an organisation covers, so routing finds the party by TLD, country, id or suffix. */
export interface OrganisationCoverageTable {
  organisation_id: string;
  scope: 'COUNTRY' | 'TLD' | 'IANA_ID' | 'SUFFIX';
  value: string;
}

export interface TldReferenceTable {
  tld: string;
  type: string;
  country: string | null;
  registry_organisation_id: string | null;
  recorded_at: string;
  document: string;
}

export interface DirectoryReadModel {
  organisation_view: OrganisationViewTable;
  organisation_coverage: OrganisationCoverageTable;
  tld_reference: TldReferenceTable;
}

/** Builds SQL only; projections run it inside the append transaction, queries on the read connection. */
export const directoryQueryBuilder = readModelQueryBuilder<DirectoryReadModel>();

/**
 * PostgreSQL text cannot hold U+0000, which names accept; the columns derived from a name and the
 * search text replace it (on both engines, so they agree). The document keeps the name intact: JSON escapes it.
 */
export const indexableText = (text: string): string => text.replaceAll('\u0000', '\uFFFD');

export const selectOrganisationDocument = prepareQuery(1, (id: string) =>
  directoryQueryBuilder.selectFrom('organisation_view').select('document').where('organisation_id', '=', id),
);

/**
 * Both engines compare text byte by byte (SQLite's BINARY, PostgreSQL's "C" collation), so the list
 * order, keyset cursors and ISO-instant comparisons agree whichever database holds the read model.
 */
export const DIRECTORY_READ_MODEL_SCHEMA: ReadModelSchema = {
  sqlite: `
CREATE TABLE IF NOT EXISTS organisation_view (
  organisation_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  search_text TEXT NOT NULL,
  verification_status TEXT NOT NULL,
  verification_expires_at TEXT,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  document TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS organisation_view_by_name ON organisation_view (sort_name, organisation_id);
CREATE INDEX IF NOT EXISTS organisation_view_by_kind ON organisation_view (kind, sort_name, organisation_id);
CREATE TABLE IF NOT EXISTS organisation_coverage (
  organisation_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (scope, value, organisation_id)
) STRICT;
CREATE INDEX IF NOT EXISTS organisation_coverage_by_organisation ON organisation_coverage (organisation_id);
CREATE TABLE IF NOT EXISTS tld_reference (
  tld TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  country TEXT,
  registry_organisation_id TEXT,
  recorded_at TEXT NOT NULL,
  document TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS tld_reference_by_country ON tld_reference (country);
`,
  postgres: `
CREATE TABLE IF NOT EXISTS organisation_view (
  organisation_id TEXT COLLATE "C" PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  sort_name TEXT COLLATE "C" NOT NULL,
  search_text TEXT NOT NULL,
  verification_status TEXT NOT NULL,
  verification_expires_at TEXT COLLATE "C",
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL,
  document TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS organisation_view_by_name ON organisation_view (sort_name, organisation_id);
CREATE INDEX IF NOT EXISTS organisation_view_by_kind ON organisation_view (kind, sort_name, organisation_id);
CREATE TABLE IF NOT EXISTS organisation_coverage (
  organisation_id TEXT NOT NULL,
  scope TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (scope, value, organisation_id)
);
CREATE INDEX IF NOT EXISTS organisation_coverage_by_organisation ON organisation_coverage (organisation_id);
CREATE TABLE IF NOT EXISTS tld_reference (
  tld TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  country TEXT,
  registry_organisation_id TEXT,
  recorded_at TEXT NOT NULL,
  document TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tld_reference_by_country ON tld_reference (country);
`,
  tables: ['organisation_coverage', 'organisation_view', 'tld_reference'],
};
