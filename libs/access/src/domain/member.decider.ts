import type { MemberCommand } from './member.commands';
import {
  ApiTokenNotFoundError,
  MAX_ACTIVE_TOKENS_PER_MEMBER,
  MemberAlreadyExistsError,
  MemberNotFoundError,
  TooManyTokensError,
} from './member.errors';
import type { MemberEvent } from './member.events';
import type { MemberState } from './member.state';

/** Decides member and token commands; revoking an already revoked token changes nothing. */
export function decideMember(command: MemberCommand, state: MemberState): readonly MemberEvent[] {
  if (command.type === 'AddMember') {
    if (state.kind === 'existing') throw new MemberAlreadyExistsError(state.memberId);
    const { type: _type, ...data } = command;
    return [{ type: 'MemberAdded', data }];
  }
  if (state.kind === 'absent') throw new MemberNotFoundError('(unknown id)');
  switch (command.type) {
    case 'IssueApiToken': {
      const active = state.tokens.filter(
        (t) => t.revokedAt === null && !expired(t.expiresAt, command.token.issuedAt),
      );
      if (active.length >= MAX_ACTIVE_TOKENS_PER_MEMBER) throw new TooManyTokensError(state.memberId);
      return [{ type: 'ApiTokenIssued', data: command.token }];
    }
    case 'RevokeApiToken': {
      const token = state.tokens.find((t) => t.tokenId === command.tokenId);
      if (!token) throw new ApiTokenNotFoundError(command.tokenId);
      if (token.revokedAt !== null) return [];
      return [{ type: 'ApiTokenRevoked', data: { tokenId: command.tokenId, revokedAt: command.revokedAt } }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

const expired = (expiresAt: string | null, now: string): boolean => expiresAt !== null && expiresAt <= now;
