import { DateTimeScalar } from '@app/core/nest';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ContactRole, OrganisationKind } from '../domain/directory.vocabulary';
import type { VerificationMethod } from '../domain/organisation.types';
import {
  ContactRoleEnum,
  OrganisationKindEnum,
  VerificationMethodEnum,
  VerificationStatusEnum,
} from './directory-enums';

@ObjectType('Coverage', { description: 'What an organisation answers for; routing acts on it' })
export class CoverageType {
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes (CSIRTs)' }) countries!: string[];
  @Field(() => [String], { description: 'TLDs in A-label form (registries)' }) tlds!: string[];
  @Field(() => Int, { nullable: true, description: 'IANA registrar id (registrars)' }) ianaId!: number | null;
  @Field(() => [String], { description: 'Private public suffixes (hosting platforms)' }) suffixes!: string[];
}

@ObjectType('Contact')
export class ContactType {
  @Field(() => ID) contactId!: string;
  @Field(() => ContactRoleEnum) role!: ContactRole;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'E.164' }) phone!: string | null;
  @Field(() => String, { nullable: true }) webFormUrl!: string | null;
  @Field(() => String, { nullable: true }) pgpFingerprint!: string | null;
  @Field(() => [String], { description: 'ISO 639-1 codes' }) languages!: string[];
  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Paris' }) timeZone!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Staffed hours; null: around the clock or unknown' })
  hours!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) lastConfirmedAt!: string | null;
  @Field({ description: 'True when nobody confirmed the contact within the last year' }) stale!: boolean;
  @Field({ description: 'MANUAL, or IMPORT:<data set> for contacts from reference data' }) source!: string;
}

@ObjectType('Verification')
export class VerificationType {
  @Field(() => VerificationStatusEnum) status!: string;
  @Field(() => VerificationMethodEnum, { nullable: true }) method!: VerificationMethod | null;
  @Field(() => ID, { nullable: true, description: 'The coordinator who verified' }) verifiedBy!:
    string | null;
  @Field(() => DateTimeScalar, { nullable: true }) verifiedAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) expiresAt!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'Why a verification was revoked' }) revokedReason!:
    string | null;
}

@ObjectType('SlaTerms', {
  description: "An organisation's own SLA terms, replacing the policy's where given",
})
export class SlaTermsType {
  @Field(() => Float, { nullable: true }) acknowledgeWithinHours!: number | null;
  @Field(() => Float, { nullable: true }) actWithinHours!: number | null;
  @Field(() => String, { nullable: true }) timeZone!: string | null;
  @Field(() => [Int], { nullable: true, description: 'ISO weekdays, 1 = Monday' }) businessDays!:
    number[] | null;
  @Field(() => String, { nullable: true }) businessStart!: string | null;
  @Field(() => String, { nullable: true }) businessEnd!: string | null;
}

@ObjectType('Organisation', {
  description: 'A party of the directory: CSIRT, registry, registrar, platform or the centre',
})
export class OrganisationType {
  @Field(() => ID) id!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field() name!: string;
  @Field(() => [String]) aliases!: string[];
  @Field(() => String, { nullable: true }) website!: string | null;
  @Field(() => CoverageType) coverage!: CoverageType;
  @Field(() => [ContactType]) contacts!: ContactType[];
  @Field(() => VerificationType) verification!: VerificationType;
  @Field(() => SlaTermsType, { nullable: true, description: 'Own SLA terms; null: the SLA policy applies' })
  slaTerms!: SlaTermsType | null;
  @Field({ description: 'MANUAL, or IMPORT:<data set>' }) source!: string;
  @Field(() => DateTimeScalar) registeredAt!: string;
  @Field(() => DateTimeScalar) updatedAt!: string;
  @Field(() => Int, { description: 'Number of events in the organisation stream' }) version!: number;
}
