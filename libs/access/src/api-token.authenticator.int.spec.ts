import type { Clock } from '@app/core';
import { directoryProjection } from '@app/directory';
import { type ReadModelAccess, type ReadModelSql } from '@app/event-store';
import { readModelEngines } from '@app/event-store/testing';
import { ApiTokenAuthenticator } from './api-token.authenticator';
import { hashApiTokenSecret, newApiTokenSecret } from './domain/api-token.secret';
import {
  apiTokenIssued,
  apiTokenRevoked,
  memberAdded,
  type MemberLogEntry,
  ORGANISATION_ID,
} from './domain/testing/member-fixtures';
import { accessProjection } from './projections/access.projection';
import { findToken } from './queries/access.lookups';

const ADA = '01a21a83-9e19-7db4-b6f2-000000000002';
const TOKEN = '01a21a83-9e19-7db4-b6f2-000000000021';
const START = new Date('2026-11-27T12:00:00.000Z');

describe.each(readModelEngines())('ApiTokenAuthenticator on %s', (_name, engine) => {
  let sql: ReadModelSql;
  let now: Date;
  let authenticator: ApiTokenAuthenticator;
  let position = 0n;
  const secret = newApiTokenSecret();
  const clock: Clock = { now: () => now };

  /** Projects each entry as its own append, as the inline projection does. */
  async function append(...entries: MemberLogEntry[]): Promise<void> {
    for (const { streamId, event } of entries) {
      position += 1n;
      const recorded = {
        id: `event-${position}`,
        type: event.type,
        streamId,
        revision: 0n,
        position,
        data: event.data as never,
        metadata: {},
        recordedAt: now,
      };
      await sql.transaction(() => accessProjection.apply([recorded]));
    }
  }

  beforeEach(async () => {
    now = START;
    sql = await engine.open();
    // The directory's tables answer whether the organisation is verified.
    await sql.exec(directoryProjection.schema[sql.dialect]);
    await sql.exec(accessProjection.schema[sql.dialect]);
    const readModel: ReadModelAccess = {
      sql,
      waitFor: () => Promise.resolve(),
      status: () => Promise.resolve([]),
    };
    authenticator = new ApiTokenAuthenticator(readModel, clock);
    await append(memberAdded(ADA, 'Ada', { admin: true }));
  });
  afterEach(() => engine.closeAll());

  const issue = (expiresAt: string | null = null) =>
    append(apiTokenIssued(ADA, TOKEN, { secretHash: hashApiTokenSecret(secret), expiresAt }));

  it('answers the member behind a live token', async () => {
    await issue();
    expect(await authenticator.authenticate(`Bearer ${secret}`)).toEqual({
      memberId: ADA,
      memberName: 'Ada',
      organisationId: ORGANISATION_ID,
      organisationName: 'CERT Example',
      role: 'CSIRT',
      admin: true,
      organisationVerified: false,
      tokenId: TOKEN,
    });
  });

  it('refuses a missing, malformed or unknown token', async () => {
    await issue();
    expect(await authenticator.authenticate(undefined)).toBeNull();
    expect(await authenticator.authenticate(`Basic ${secret}`)).toBeNull();
    expect(await authenticator.authenticate('Bearer dnscc_short')).toBeNull();
    expect(await authenticator.authenticate(`Bearer ${newApiTokenSecret()}`)).toBeNull();
  });

  it('refuses a token once its revocation is projected', async () => {
    await issue();
    await append(apiTokenRevoked(ADA, TOKEN, START.toISOString()));
    expect(await authenticator.authenticate(`Bearer ${secret}`)).toBeNull();
  });

  it('refuses a token from the moment it expires', async () => {
    await issue(new Date(START.getTime() + 1_000).toISOString());
    expect(await authenticator.authenticate(`Bearer ${secret}`)).not.toBeNull();
    now = new Date(START.getTime() + 1_000);
    expect(await authenticator.authenticate(`Bearer ${secret}`)).toBeNull();
  });

  it('notes the last use at most once a minute per token', async () => {
    await issue();
    await authenticator.authenticate(`Bearer ${secret}`);
    now = new Date(START.getTime() + 59_000);
    await authenticator.authenticate(`Bearer ${secret}`);
    expect((await findToken(sql, TOKEN))?.lastUsedAt).toBe(START.toISOString());

    now = new Date(START.getTime() + 60_000);
    await authenticator.authenticate(`Bearer ${secret}`);
    expect((await findToken(sql, TOKEN))?.lastUsedAt).toBe(now.toISOString());
  });
});
