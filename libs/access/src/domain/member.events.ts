import type { MemberRole } from '@app/core';

export const MEMBER_STREAM_PREFIX = 'member-';
export const memberStreamId = (memberId: string): string => `${MEMBER_STREAM_PREFIX}${memberId}`;
export const memberIdOfStream = (streamId: string): string => streamId.slice(MEMBER_STREAM_PREFIX.length);

/** Only the SHA-256 of a token's secret is ever stored; the secret is shown once, at issue. */
export interface IssuedToken {
  readonly tokenId: string;
  readonly label: string;
  /** The token's first characters, shown in listings so a person can tell tokens apart. */
  readonly prefix: string;
  readonly secretHash: string;
  readonly issuedAt: string;
  readonly expiresAt: string | null;
}

export type MemberEvent =
  | {
      readonly type: 'MemberAdded';
      readonly data: {
        readonly memberId: string;
        readonly organisationId: string;
        readonly organisationName: string;
        readonly role: MemberRole;
        readonly name: string;
        readonly email: string;
        readonly admin: boolean;
      };
    }
  | { readonly type: 'ApiTokenIssued'; readonly data: IssuedToken }
  | {
      readonly type: 'ApiTokenRevoked';
      readonly data: { readonly tokenId: string; readonly revokedAt: string };
    };

export type MemberEventType = MemberEvent['type'];
export const MEMBER_EVENT_TYPES: readonly MemberEventType[] = [
  'MemberAdded',
  'ApiTokenIssued',
  'ApiTokenRevoked',
];
