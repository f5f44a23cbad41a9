import { enumOf } from '@app/core/nest';
import { registerEnumType } from '@nestjs/graphql';
import { CONFIDENCES, CONTACT_ROLES, ORGANISATION_KINDS, TLD_TYPES } from '../domain/directory.vocabulary';
import { VERIFICATION_METHODS } from '../domain/organisation.types';
import { ROUTED_ROLES } from '../domain/routing/routing-decision';

export const OrganisationKindEnum = enumOf(ORGANISATION_KINDS);
export const ContactRoleEnum = enumOf(CONTACT_ROLES);
export const VerificationMethodEnum = enumOf(VERIFICATION_METHODS);
export const VerificationStatusEnum = enumOf(['VERIFIED', 'UNVERIFIED', 'STALE', 'REVOKED'] as const);
export const ConfidenceEnum = enumOf(CONFIDENCES);
export const TldTypeEnum = enumOf(TLD_TYPES);
export const RoutedRoleEnum = enumOf(ROUTED_ROLES);

registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });
registerEnumType(ContactRoleEnum, { name: 'ContactRole', description: 'What a contact point is for' });
registerEnumType(VerificationMethodEnum, { name: 'VerificationMethod' });
registerEnumType(VerificationStatusEnum, {
  name: 'VerificationStatus',
  description: 'STALE: verified once, but the verification has expired and needs renewing',
});
registerEnumType(ConfidenceEnum, { name: 'Confidence' });
registerEnumType(TldTypeEnum, { name: 'TldType', description: 'IANA root zone type of a TLD' });
registerEnumType(RoutedRoleEnum, { name: 'RoutedRole', description: 'A party of an escalation chain' });
