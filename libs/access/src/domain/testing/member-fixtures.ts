import { memberStreamId, type MemberEvent } from '../member.events';

export const ORGANISATION_ID = '01a21a83-9e19-7db4-b6f2-ff06a5193e8c';

/** A member event and the stream it belongs to, ready to be recorded at a position of a spec's log. */
export interface MemberLogEntry {
  readonly streamId: string;
  readonly event: MemberEvent;
}

export function memberAdded(
  memberId: string,
  name: string,
  parts: { organisationId?: string; admin?: boolean } = {},
): MemberLogEntry {
  return {
    streamId: memberStreamId(memberId),
    event: {
      type: 'MemberAdded',
      data: {
        memberId,
        organisationId: parts.organisationId ?? ORGANISATION_ID,
        organisationName: 'CERT Example',
        role: 'CSIRT',
        name,
        email: `${name.toLowerCase()}@example.org`,
        admin: parts.admin ?? false,
      },
    },
  };
}

export function apiTokenIssued(
  memberId: string,
  tokenId: string,
  parts: { secretHash?: string; issuedAt?: string; expiresAt?: string | null; label?: string } = {},
): MemberLogEntry {
  return {
    streamId: memberStreamId(memberId),
    event: {
      type: 'ApiTokenIssued',
      data: {
        tokenId,
        label: parts.label ?? 'laptop',
        prefix: 'dnscc_abcdef',
        secretHash: parts.secretHash ?? `hash-of-${tokenId}`,
        issuedAt: parts.issuedAt ?? '2026-11-27T10:00:00.000Z',
        expiresAt: parts.expiresAt ?? null,
      },
    },
  };
}

export function apiTokenRevoked(memberId: string, tokenId: string, revokedAt: string): MemberLogEntry {
  return {
    streamId: memberStreamId(memberId),
    event: { type: 'ApiTokenRevoked', data: { tokenId, revokedAt } },
  };
}
