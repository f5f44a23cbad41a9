import { ForbiddenError } from './errors/domain-error';
import type { Actor } from './event-metadata';

/** Member roles; each matches the kind of the member's organisation (see roleForOrganisationKind). */
export const MEMBER_ROLES = ['COORDINATOR', 'CSIRT', 'REGISTRY', 'REGISTRAR', 'PLATFORM'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** The authenticated caller of a request: one member of one organisation, acting through an API token. */
export interface Viewer {
  readonly memberId: string;
  readonly memberName: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly role: MemberRole;
  /** Organisation admins manage their own organisation's members, tokens and contacts. */
  readonly admin: boolean;
  /** The organisation holds an unexpired verification: it counts as the verified community (TLP:GREEN). */
  readonly organisationVerified: boolean;
  readonly tokenId: string;
}

export const actorOf = (viewer: Viewer): Actor => ({
  kind: 'member',
  organisationId: viewer.organisationId,
  memberId: viewer.memberId,
});

export const isCoordinator = (viewer: Viewer): boolean => viewer.role === 'COORDINATOR';

/** Coordinators manage every organisation; an organisation's admins manage their own. */
export const managesOrganisation = (viewer: Viewer, organisationId: string): boolean =>
  isCoordinator(viewer) || (viewer.admin && viewer.organisationId === organisationId);

export function assertCoordinator(viewer: Viewer, action: string): void {
  if (!isCoordinator(viewer)) throw new ForbiddenError(`Only coordinators can ${action}`);
}

export function assertManagesOrganisation(viewer: Viewer, organisationId: string, action: string): void {
  if (!managesOrganisation(viewer, organisationId)) {
    throw new ForbiddenError(`Only coordinators or this organisation's admins can ${action}`);
  }
}
