import type { ReadModelSchema } from '@app/event-store';
import { readModelQueryBuilder } from '@app/event-store';

export interface MemberViewTable {
  member_id: string;
  organisation_id: string;
  organisation_name: string;
  role: string;
  name: string;
  email: string;
  admin: number;
  added_at: string;
}

export interface ApiTokenTable {
  token_id: string;
  member_id: string;
  organisation_id: string;
  prefix: string;
  secret_hash: string;
  label: string;
  issued_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

/**
 * When each token was last used. Written by the authenticator, not by a projection: it is an
 * observation, not a decision, so it is no event and survives projection rebuilds.
 */
export interface ApiTokenUseTable {
  token_id: string;
  last_used_at: string;
}

export interface AccessReadModel {
  member_view: MemberViewTable;
  api_token: ApiTokenTable;
  api_token_use: ApiTokenUseTable;
}

export const accessQueryBuilder = readModelQueryBuilder<AccessReadModel>();

const SQLITE_DDL = `
CREATE TABLE IF NOT EXISTS member_view (
  member_id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  organisation_name TEXT NOT NULL,
  role TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  admin INTEGER NOT NULL,
  added_at TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS member_view_by_organisation ON member_view (organisation_id, name);
CREATE TABLE IF NOT EXISTS api_token (
  token_id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  prefix TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS api_token_by_member ON api_token (member_id, issued_at);
CREATE TABLE IF NOT EXISTS api_token_use (
  token_id TEXT PRIMARY KEY,
  last_used_at TEXT NOT NULL
) STRICT;
`;

/** Sorted columns compare byte by byte ("C"), as SQLite's BINARY does, so lists come in one order. */
const POSTGRES_DDL = `
CREATE TABLE IF NOT EXISTS member_view (
  member_id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL,
  organisation_name TEXT NOT NULL,
  role TEXT NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  email TEXT NOT NULL,
  admin INTEGER NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS member_view_by_organisation ON member_view (organisation_id, name);
CREATE TABLE IF NOT EXISTS api_token (
  token_id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL,
  organisation_id TEXT NOT NULL,
  prefix TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  issued_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS api_token_by_member ON api_token (member_id, issued_at);
CREATE TABLE IF NOT EXISTS api_token_use (
  token_id TEXT PRIMARY KEY,
  last_used_at TEXT NOT NULL
);
`;

/**
 * A rebuild empties tokens before the members they belong to; `api_token_use` is not the
 * projection's (see above), so last-used times survive it.
 */
export const ACCESS_READ_MODEL_SCHEMA: ReadModelSchema = {
  sqlite: SQLITE_DDL,
  postgres: POSTGRES_DDL,
  tables: ['api_token', 'member_view'],
};
