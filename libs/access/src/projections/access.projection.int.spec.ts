import { CompiledQuery } from 'kysely';
import { CHECKPOINTS_SCHEMA, resetProjection, type ReadModelSql, type RecordedEvent } from '@app/event-store';
import { readModelEngines } from '@app/event-store/testing';
import {
  apiTokenIssued,
  apiTokenRevoked,
  memberAdded,
  type MemberLogEntry,
  ORGANISATION_ID,
} from '../domain/testing/member-fixtures';
import { findToken, membersOf, tokensOfMember } from '../queries/access.lookups';
import { accessProjection } from './access.projection';
import { accessQueryBuilder as db } from './access.read-model';

const BOB = '01a21a83-9e19-7db4-b6f2-000000000001';
const ADA = '01a21a83-9e19-7db4-b6f2-000000000002';
const BOB_LAPTOP = '01a21a83-9e19-7db4-b6f2-000000000011';
const BOB_CI = '01a21a83-9e19-7db4-b6f2-000000000012';
const REVOKED_AT = '2026-11-27T11:00:00.000Z';

/** A member and a token in one batch: the token's organisation comes from the row just written. */
const log: readonly MemberLogEntry[] = [
  memberAdded(BOB, 'Bob'),
  apiTokenIssued(BOB, BOB_LAPTOP, { issuedAt: '2026-11-27T10:01:00.000Z' }),
  memberAdded(ADA, 'ada', { admin: true }),
  apiTokenIssued(BOB, BOB_CI, { issuedAt: '2026-11-27T10:02:00.000Z', label: 'ci' }),
  apiTokenRevoked(BOB, BOB_LAPTOP, REVOKED_AT),
];

const recorded = log.map(({ streamId, event }, i): RecordedEvent => ({
  id: `event-${i}`,
  type: event.type,
  streamId,
  revision: BigInt(i),
  position: BigInt(i + 1),
  data: event.data as never,
  metadata: {},
  recordedAt: new Date(Date.UTC(2026, 10, 27, 10, i)),
}));

async function projected(sql: ReadModelSql, batches: readonly (readonly RecordedEvent[])[]) {
  await sql.exec(accessProjection.schema[sql.dialect]);
  for (const batch of batches) await sql.transaction(() => accessProjection.apply(batch));
  const dump = (table: string, order: string) =>
    sql.all(CompiledQuery.raw(`SELECT * FROM ${table} ORDER BY ${order}`));
  return { members: await dump('member_view', 'member_id'), tokens: await dump('api_token', 'token_id') };
}

describe.each(readModelEngines())('accessProjection on %s', (_name, engine) => {
  afterEach(() => engine.closeAll());

  it('leaves the same tables whether events come one by one or in one batch', async () => {
    const oneByOne = await projected(
      await engine.open(),
      recorded.map((event) => [event]),
    );
    expect(await projected(await engine.open(), [recorded])).toEqual(oneByOne);
  });

  it('gives a token issued in the same batch as its member that member’s organisation', async () => {
    const sql = await engine.open();
    await projected(sql, [recorded]);
    expect(await findToken(sql, BOB_CI)).toEqual({
      tokenId: BOB_CI,
      memberId: BOB,
      organisationId: ORGANISATION_ID,
      prefix: 'dnscc_abcdef',
      label: 'ci',
      issuedAt: '2026-11-27T10:02:00.000Z',
      expiresAt: null,
      revokedAt: null,
      lastUsedAt: null,
    });
  });

  it('lists members by name in byte order, and tokens by issue time, revoked ones marked', async () => {
    const sql = await engine.open();
    await projected(sql, [recorded]);
    expect(await membersOf(sql, ORGANISATION_ID)).toMatchObject([
      { memberId: BOB, name: 'Bob', admin: false, email: 'bob@example.org' },
      { memberId: ADA, name: 'ada', admin: true, role: 'CSIRT', addedAt: '2026-11-27T10:02:00.000Z' },
    ]);
    expect(await tokensOfMember(sql, BOB)).toMatchObject([
      { tokenId: BOB_LAPTOP, revokedAt: REVOKED_AT },
      { tokenId: BOB_CI, revokedAt: null },
    ]);
  });

  it('rebuilds the same rows from nothing and keeps last-used times, which no event records', async () => {
    const sql = await engine.open();
    const before = await projected(sql, [recorded]);
    const use = { token_id: BOB_CI, last_used_at: '2026-11-27T12:00:00.000Z' };
    await sql.run(db.insertInto('api_token_use').values(use));

    await sql.exec(CHECKPOINTS_SCHEMA[sql.dialect]);
    await sql.transaction(() => resetProjection(accessProjection));
    expect(await membersOf(sql, ORGANISATION_ID)).toEqual([]);

    expect(await projected(sql, [recorded])).toEqual(before);
    expect((await findToken(sql, BOB_CI))?.lastUsedAt).toBe(use.last_used_at);
  });
});
