import { deciderSpec } from '@app/core/testing';
import { hashApiTokenSecret, looksLikeApiToken, newApiTokenSecret, shownPrefixOf } from './api-token.secret';
import { roleForOrganisationKind } from './member-roles';
import { decideMember } from './member.decider';
import {
  ApiTokenNotFoundError,
  MAX_ACTIVE_TOKENS_PER_MEMBER,
  MemberAlreadyExistsError,
  MemberNotFoundError,
  TooManyTokensError,
} from './member.errors';
import type { IssuedToken, MemberEvent } from './member.events';
import { evolveMember, initialMemberState } from './member.state';

const given = deciderSpec(decideMember, evolveMember, () => initialMemberState);

const added: MemberEvent = {
  type: 'MemberAdded',
  data: {
    memberId: 'm-1',
    organisationId: 'o-1',
    organisationName: 'CERT-EE',
    role: 'CSIRT',
    name: 'Analyst',
    email: 'analyst@cert.ee',
    admin: false,
  },
};

const token = (n: number, expiresAt: string | null = null): IssuedToken => ({
  tokenId: `t-${n}`,
  label: 'ci',
  prefix: 'dnscc_abcdef',
  secretHash: `hash-${n}`,
  issuedAt: '2026-11-27T00:00:00.000Z',
  expiresAt,
});

describe('member decider', () => {
  it('adds a member once', () => {
    const { type: _type, ...data } = { type: 'AddMember' as const, ...added.data };
    given([])
      .when({ type: 'AddMember', ...data })
      .then([added]);
    given([added])
      .when({ type: 'AddMember', ...data })
      .thenThrows(MemberAlreadyExistsError);
  });

  it('issues tokens only to an existing member, up to a limit of active ones', () => {
    given([])
      .when({ type: 'IssueApiToken', token: token(1) })
      .thenThrows(MemberNotFoundError);
    const many = Array.from({ length: MAX_ACTIVE_TOKENS_PER_MEMBER }, (_, i): MemberEvent => ({
      type: 'ApiTokenIssued',
      data: token(i),
    }));
    given([added, ...many])
      .when({ type: 'IssueApiToken', token: token(99) })
      .thenThrows(TooManyTokensError);
    const expired = many.map((e): MemberEvent => ({
      type: 'ApiTokenIssued',
      data: { ...token(0), ...(e.data as IssuedToken), expiresAt: '2026-01-01T00:00:00.000Z' },
    }));
    given([added, ...expired])
      .when({ type: 'IssueApiToken', token: token(99) })
      .then([{ type: 'ApiTokenIssued', data: token(99) }]);
  });

  it('revokes a token once; revoking again changes nothing; an unknown token is NOT_FOUND', () => {
    const issued: MemberEvent = { type: 'ApiTokenIssued', data: token(1) };
    const revoke = { type: 'RevokeApiToken' as const, tokenId: 't-1', revokedAt: '2026-11-27T01:00:00.000Z' };
    given([added, issued])
      .when(revoke)
      .then([{ type: 'ApiTokenRevoked', data: { tokenId: 't-1', revokedAt: revoke.revokedAt } }]);
    given([added, issued, { type: 'ApiTokenRevoked', data: { tokenId: 't-1', revokedAt: revoke.revokedAt } }])
      .when(revoke)
      .then([]);
    given([added]).when(revoke).thenThrows(ApiTokenNotFoundError);
  });
});

describe('API token secrets', () => {
  it('are recognisable, random, and stored only as a hash', () => {
    const a = newApiTokenSecret();
    const b = newApiTokenSecret();
    expect(a).not.toBe(b);
    expect(looksLikeApiToken(a)).toBe(true);
    expect(looksLikeApiToken(`${a}x`)).toBe(false);
    expect(looksLikeApiToken('Bearer nonsense')).toBe(false);
    expect(hashApiTokenSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiTokenSecret(a)).not.toContain(a.slice(6, 20));
    expect(shownPrefixOf(a)).toBe(a.slice(0, 12));
  });

  it('give each organisation kind its member role', () => {
    expect(roleForOrganisationKind('COORDINATION_CENTRE')).toBe('COORDINATOR');
    expect(roleForOrganisationKind('HOSTING_PLATFORM')).toBe('PLATFORM');
    expect(() => roleForOrganisationKind('BANK')).toThrow(TypeError);
  });
});
