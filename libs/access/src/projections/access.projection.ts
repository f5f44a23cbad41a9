import { step, type Projection, type RecordedEvent, type SqlProgram } from '@app/event-store';
import { MEMBER_EVENT_TYPES, memberIdOfStream, type MemberEvent } from '../domain/member.events';
import { ACCESS_READ_MODEL_SCHEMA, accessQueryBuilder as db } from './access.read-model';

/** Members and their tokens; inline projection makes a revocation effective with its append. */
export const accessProjection: Projection = {
  name: 'access',
  eventTypes: new Set<string>(MEMBER_EVENT_TYPES),
  schema: ACCESS_READ_MODEL_SCHEMA,

  // One event after the other: a token issued in the same batch as its member's MemberAdded reads
  // the organisation that the earlier step wrote in this transaction.
  *apply(events: readonly RecordedEvent[]): SqlProgram<void> {
    for (const recorded of events) yield* applyMemberEvent(recorded);
  },
};

function* applyMemberEvent(recorded: RecordedEvent): SqlProgram<void> {
  const event = { type: recorded.type, data: recorded.data } as MemberEvent;
  const memberId = memberIdOfStream(recorded.streamId);
  switch (event.type) {
    case 'MemberAdded': {
      const data = event.data;
      const row = {
        member_id: data.memberId,
        organisation_id: data.organisationId,
        organisation_name: data.organisationName,
        role: data.role,
        name: data.name,
        email: data.email,
        admin: data.admin ? 1 : 0,
        added_at: recorded.recordedAt.toISOString(),
      };
      yield* step.run(
        db
          .insertInto('member_view')
          .values(row)
          .onConflict((oc) => oc.column('member_id').doUpdateSet(row)),
      );
      return;
    }
    case 'ApiTokenIssued': {
      const member = yield* step.first(
        db.selectFrom('member_view').select('organisation_id').where('member_id', '=', memberId),
      );
      const token = event.data;
      yield* step.run(
        db
          .insertInto('api_token')
          .values({
            token_id: token.tokenId,
            member_id: memberId,
            organisation_id: member?.organisation_id ?? '',
            prefix: token.prefix,
            secret_hash: token.secretHash,
            label: token.label,
            issued_at: token.issuedAt,
            expires_at: token.expiresAt,
            revoked_at: null,
          })
          .onConflict((oc) => oc.doNothing()),
      );
      return;
    }
    case 'ApiTokenRevoked':
      yield* step.run(
        db
          .updateTable('api_token')
          .set({ revoked_at: event.data.revokedAt })
          .where('token_id', '=', event.data.tokenId),
      );
      return;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
