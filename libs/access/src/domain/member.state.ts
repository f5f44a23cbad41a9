import type { MemberRole } from '@app/core';
import type { IssuedToken, MemberEvent } from './member.events';

export interface ExistingMember {
  readonly kind: 'existing';
  readonly memberId: string;
  readonly organisationId: string;
  readonly role: MemberRole;
  readonly admin: boolean;
  readonly tokens: readonly (IssuedToken & { readonly revokedAt: string | null })[];
}

export type MemberState = { readonly kind: 'absent' } | ExistingMember;

export const initialMemberState: MemberState = { kind: 'absent' };

export function evolveMember(state: MemberState, event: MemberEvent): MemberState {
  switch (event.type) {
    case 'MemberAdded': {
      const { memberId, organisationId, role, admin } = event.data;
      return { kind: 'existing', memberId, organisationId, role, admin, tokens: [] };
    }
    case 'ApiTokenIssued':
      if (state.kind === 'absent') return state;
      return { ...state, tokens: [...state.tokens, { ...event.data, revokedAt: null }] };
    case 'ApiTokenRevoked':
      if (state.kind === 'absent') return state;
      return {
        ...state,
        tokens: state.tokens.map((t) =>
          t.tokenId === event.data.tokenId ? { ...t, revokedAt: event.data.revokedAt } : t,
        ),
      };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
