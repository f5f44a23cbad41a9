import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type MemberRole, type Viewer } from '@app/core';
import { isOrganisationVerified } from '@app/directory';
import { prepareQuery, READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { hashApiTokenSecret, looksLikeApiToken } from './domain/api-token.secret';
import { accessQueryBuilder as db } from './projections/access.read-model';

/** Last-used times are written at most this often per token: a busy client must not write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns an `Authorization: Bearer dnscc_...` header into the Viewer behind it, or null. The lookup
 * is by SHA-256 of the secret on the read model; embedded, the revoking append updates it in the same
 * transaction, so a revoked token fails on the very next request (on PostgreSQL, once projected).
 */
@Injectable()
export class ApiTokenAuthenticator {
  private readonly lastWritten = new Map<string, number>();

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async authenticate(authorization: string | undefined): Promise<Viewer | null> {
    const secret = bearerOf(authorization);
    if (secret === null || !looksLikeApiToken(secret)) return null;
    const row = await this.readModel.sql.firstPrepared(selectTokenHolder, [hashApiTokenSecret(secret)]);
    const now = this.clock.now();
    if (
      !row ||
      row.revoked_at !== null ||
      (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime())
    ) {
      return null;
    }
    await this.noteUse(row.token_id, now);
    return {
      memberId: row.member_id,
      memberName: row.name,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      role: row.role as MemberRole,
      admin: row.admin === 1,
      organisationVerified: await isOrganisationVerified(this.readModel.sql, row.organisation_id, now),
      tokenId: row.token_id,
    };
  }

  private async noteUse(tokenId: string, now: Date): Promise<void> {
    const last = this.lastWritten.get(tokenId) ?? 0;
    if (now.getTime() - last < LAST_USED_RESOLUTION_MS) return;
    // Noted before the write: concurrent requests of the same token then write once, not each.
    this.lastWritten.set(tokenId, now.getTime());
    await this.readModel.sql.runPrepared(upsertTokenUse, [tokenId, now.toISOString()]);
  }
}

/** Runs on every request, so it is compiled once. */
const selectTokenHolder = prepareQuery(1, (secretHash: string) =>
  db
    .selectFrom('api_token as t')
    .innerJoin('member_view as m', 'm.member_id', 't.member_id')
    .select([
      't.token_id',
      't.expires_at',
      't.revoked_at',
      'm.member_id',
      'm.name',
      'm.organisation_id',
      'm.organisation_name',
      'm.role',
      'm.admin',
    ])
    .where('t.secret_hash', '=', secretHash),
);

/** Compiled once too, as it sits on the request path. */
const upsertTokenUse = prepareQuery(2, (tokenId: string, lastUsedAt: string) =>
  db
    .insertInto('api_token_use')
    .values({ token_id: tokenId, last_used_at: lastUsedAt })
    .onConflict((oc) => oc.column('token_id').doUpdateSet({ last_used_at: lastUsedAt })),
);

function bearerOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
