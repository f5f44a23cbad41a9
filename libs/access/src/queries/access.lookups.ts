import type { SqlExecutor } from '@app/event-store';
import type { MemberRole } from '@app/core';
import { accessQueryBuilder as db } from '../projections/access.read-model';

export interface MemberRecord {
  readonly memberId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly role: MemberRole;
  readonly name: string;
  readonly email: string;
  readonly admin: boolean;
  readonly addedAt: string;
}

export interface ApiTokenRecord {
  readonly tokenId: string;
  readonly memberId: string;
  readonly organisationId: string;
  readonly prefix: string;
  readonly label: string;
  readonly issuedAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

const memberColumns = [
  'member_id',
  'organisation_id',
  'organisation_name',
  'role',
  'name',
  'email',
  'admin',
  'added_at',
] as const;

type MemberRow = { [K in (typeof memberColumns)[number]]: K extends 'admin' ? number : string };

const toMember = (row: MemberRow): MemberRecord => ({
  memberId: row.member_id,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  role: row.role as MemberRole,
  name: row.name,
  email: row.email,
  admin: row.admin === 1,
  addedAt: row.added_at,
});

export function findMember(sql: SqlExecutor, memberId: string): MemberRecord | null {
  const row = sql.first(db.selectFrom('member_view').select(memberColumns).where('member_id', '=', memberId));
  return row ? toMember(row) : null;
}

export function membersOf(sql: SqlExecutor, organisationId: string): MemberRecord[] {
  return sql
    .all(
      db
        .selectFrom('member_view')
        .select(memberColumns)
        .where('organisation_id', '=', organisationId)
        .orderBy('name'),
    )
    .map(toMember);
}

export const countMembers = (sql: SqlExecutor): number =>
  sql.first(db.selectFrom('member_view').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0;

function tokens(sql: SqlExecutor, column: 'member_id' | 'token_id', value: string): ApiTokenRecord[] {
  return sql
    .all(
      db
        .selectFrom('api_token as t')
        .leftJoin('api_token_use as u', 'u.token_id', 't.token_id')
        .select([
          't.token_id',
          't.member_id',
          't.organisation_id',
          't.prefix',
          't.label',
          't.issued_at',
          't.expires_at',
          't.revoked_at',
          'u.last_used_at',
        ])
        .where(`t.${column}`, '=', value)
        .orderBy('t.issued_at'),
    )
    .map((row) => ({
      tokenId: row.token_id,
      memberId: row.member_id,
      organisationId: row.organisation_id,
      prefix: row.prefix,
      label: row.label,
      issuedAt: row.issued_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      lastUsedAt: row.last_used_at,
    }));
}

export const tokensOfMember = (sql: SqlExecutor, memberId: string): ApiTokenRecord[] =>
  tokens(sql, 'member_id', memberId);

export const findToken = (sql: SqlExecutor, tokenId: string): ApiTokenRecord | null =>
  tokens(sql, 'token_id', tokenId)[0] ?? null;
