import type { MemberRole } from '@app/core';
import type { IssuedToken } from './member.events';

export type MemberCommand =
  | {
      readonly type: 'AddMember';
      readonly memberId: string;
      readonly organisationId: string;
      readonly organisationName: string;
      readonly role: MemberRole;
      readonly name: string;
      readonly email: string;
      readonly admin: boolean;
    }
  | { readonly type: 'IssueApiToken'; readonly token: IssuedToken }
  | { readonly type: 'RevokeApiToken'; readonly tokenId: string; readonly revokedAt: string };
