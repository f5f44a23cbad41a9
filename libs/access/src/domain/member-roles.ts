import type { MemberRole } from '@app/core';

/** A member's role follows from the kind of its organisation: one role per kind. */
const ROLE_BY_KIND: Readonly<Record<string, MemberRole>> = {
  COORDINATION_CENTRE: 'COORDINATOR',
  CSIRT: 'CSIRT',
  REGISTRY: 'REGISTRY',
  REGISTRAR: 'REGISTRAR',
  HOSTING_PLATFORM: 'PLATFORM',
};

export function roleForOrganisationKind(kind: string): MemberRole {
  const role = ROLE_BY_KIND[kind];
  if (!role) throw new TypeError(`No member role for organisation kind ${kind}`);
  return role;
}
