import type { ReadModelSql } from '@app/event-store';
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
export async function findMember(sql: ReadModelSql, memberId: string): Promise<MemberRecord | null> {
  const row = await sql.first(
    db.selectFrom('member_view').select(memberColumns).where('member_id', '=', memberId),
  );
  return row ? toMember(row) : null;
}

export async function membersOf(sql: ReadModelSql, organisationId: string): Promise<MemberRecord[]> {
  const rows = await sql.all(
    db
      .selectFrom('member_view')
      .select(memberColumns)
      .where('organisation_id', '=', organisationId)
      .orderBy('name'),
  );
  return rows.map(toMember);
}

export async function countMembers(sql: ReadModelSql): Promise<number> {
  const row = await sql.first(db.selectFrom('member_view').select((eb) => eb.fn.countAll<number>().as('n')));
  return row?.n ?? 0;
}

async function tokens(
  sql: ReadModelSql,
  column: 'member_id' | 'token_id',
  value: string,
): Promise<ApiTokenRecord[]> {
  const rows = await sql.all(
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
  );
  return rows.map((row) => ({
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

export const tokensOfMember = (sql: ReadModelSql, memberId: string): Promise<ApiTokenRecord[]> =>
  tokens(sql, 'member_id', memberId);

export async function findToken(sql: ReadModelSql, tokenId: string): Promise<ApiTokenRecord | null> {
  return (await tokens(sql, 'token_id', tokenId))[0] ?? null;
}
