import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import type { ContactRole, OrganisationKind } from '../domain/directory.vocabulary';
import type { VerificationMethod } from '../domain/organisation.types';
import {
  ContactRoleEnum,
  OrganisationKindEnum,
  VerificationMethodEnum,
  VerificationStatusEnum,
} from './directory-enums';

@InputType('CoverageInput', { description: 'Only the part matching the kind may be given' })
export class CoverageInput {
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 (CSIRT)' }) countries?:
    string[] | null;
  @Field(() => [String], { nullable: true, description: 'TLDs, U- or A-label (REGISTRY)' }) tlds?:
    string[] | null;
  @Field(() => Int, { nullable: true, description: 'IANA registrar id (REGISTRAR)' }) ianaId?: number | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Private suffixes, e.g. workers.dev (HOSTING_PLATFORM)',
  })
  suffixes?: string[] | null;
}

@InputType('RegisterOrganisationInput')
export class RegisterOrganisationInput {
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field() name!: string;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => CoverageInput, { nullable: true }) coverage?: CoverageInput | null;
}

@InputType('UpdateOrganisationInput', { description: 'Fields left out stay as they are' })
export class UpdateOrganisationInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [String], { nullable: true }) aliases?: string[] | null;
  @Field(() => String, { nullable: true, description: 'An empty string removes the website' }) website?:
    string | null;
  @Field(() => CoverageInput, { nullable: true, description: 'Replaces the coverage (coordinators only)' })
  coverage?: CoverageInput | null;
}

@InputType({ isAbstract: true })
abstract class ContactFieldsInput {
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'International format, e.g. +33 1 23 45 67 89' })
  phone?: string | null;
  @Field(() => String, { nullable: true }) webFormUrl?: string | null;
  @Field(() => String, { nullable: true, description: '40 or 64 hex digits' }) pgpFingerprint?: string | null;
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes' }) languages?: string[] | null;
  @Field(() => String, { nullable: true, description: 'IANA time zone' }) timeZone?: string | null;
  @Field(() => String, { nullable: true, description: 'Staffed hours, e.g. Mon-Fri 09:00-17:00' }) hours?:
    string | null;
}

@InputType('AddContactInput')
export class AddContactInput extends ContactFieldsInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => ContactRoleEnum) role!: ContactRole;
}

@InputType('UpdateContactInput', {
  description: 'Fields left out stay as they are; an empty string clears one',
})
export class UpdateContactInput extends ContactFieldsInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => ID) contactId!: string;
  @Field(() => ContactRoleEnum, { nullable: true }) role?: ContactRole | null;
}

@InputType('ContactRefInput')
export class ContactRefInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => ID) contactId!: string;
}

@InputType('VerifyOrganisationInput')
export class VerifyOrganisationInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => VerificationMethodEnum) method!: VerificationMethod;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Days until the verification shows as stale; 365 when left out',
  })
  validForDays?: number | null;
}

@InputType('SetSlaTermsInput', { description: 'Leave every term out to remove the own terms' })
export class SetSlaTermsInput {
  @Field(() => ID) organisationId!: string;
  @Field(() => Float, { nullable: true }) acknowledgeWithinHours?: number | null;
  @Field(() => Float, { nullable: true }) actWithinHours?: number | null;
  @Field(() => String, { nullable: true, description: 'IANA time zone of its business hours' }) timeZone?:
    string | null;
  @Field(() => [Int], { nullable: true, description: 'ISO weekdays, 1 = Monday' }) businessDays?:
    number[] | null;
  @Field(() => String, { nullable: true, description: 'HH:MM' }) businessStart?: string | null;
  @Field(() => String, { nullable: true, description: 'HH:MM' }) businessEnd?: string | null;
}

@InputType('RevokeVerificationInput')
export class RevokeVerificationInput {
  @Field(() => ID) organisationId!: string;
  @Field() reason!: string;
}

@InputType('OrganisationFilter')
export class OrganisationFilterInput {
  @Field(() => [OrganisationKindEnum], { nullable: true }) kind?: OrganisationKind[] | null;
  @Field(() => String, { nullable: true, description: 'CSIRTs covering this ISO 3166-1 country' }) country?:
    string | null;
  @Field(() => String, { nullable: true, description: 'Registries operating this TLD' }) tld?: string | null;
  @Field(() => Int, { nullable: true, description: 'The registrar with this IANA id' }) ianaId?:
    number | null;
  @Field(() => String, { nullable: true, description: 'Platforms operating this private suffix' }) suffix?:
    string | null;
  @Field(() => VerificationStatusEnum, { nullable: true }) verification?:
    'VERIFIED' | 'UNVERIFIED' | 'STALE' | 'REVOKED' | null;
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name or an alias' })
  search?: string | null;
}
