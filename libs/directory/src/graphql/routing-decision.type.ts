import { DateTimeScalar } from '@app/core/nest';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Confidence, ContactRole, TldType } from '../domain/directory.vocabulary';
import type { RoutedRole } from '../domain/routing/routing-decision';
import { ConfidenceEnum, ContactRoleEnum, RoutedRoleEnum, TldTypeEnum } from './directory-enums';

@ObjectType('RoutingEvidence', {
  description: 'Where a routing fact came from and when that source was read',
})
export class RoutingEvidenceType {
  @Field() source!: string;
  @Field(() => DateTimeScalar) fetchedAt!: string;
}

@ObjectType('RoutedContact')
export class RoutedContactType {
  @Field(() => ContactRoleEnum) role!: ContactRole;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) webFormUrl!: string | null;
}

@ObjectType('RoutedParty', { description: 'A party responsible for a domain, with how sure the centre is' })
export class RoutedPartyType {
  @Field(() => RoutedRoleEnum) role!: RoutedRole;
  @Field(() => ID, { nullable: true, description: 'The directory organisation, when the directory has one' })
  organisation!: string | null;
  @Field() name!: string;
  @Field(() => Int, { nullable: true }) ianaId!: number | null;
  @Field(() => [RoutedContactType]) contacts!: RoutedContactType[];
  @Field(() => ConfidenceEnum) confidence!: Confidence;
  @Field(() => [RoutingEvidenceType]) evidence!: RoutingEvidenceType[];
}

@ObjectType('RoutingUnknown', { description: 'A part of the answer the centre does not know, and why' })
export class RoutingUnknownType {
  @Field(() => RoutedRoleEnum) role!: RoutedRole;
  @Field() reason!: string;
}

@ObjectType('RoutingDecision', {
  description: 'Who is responsible for a domain and how to reach them, in escalation order',
})
export class RoutingDecisionType {
  @Field() domain!: string;
  @Field() registrableDomain!: string;
  @Field() publicSuffix!: string;
  @Field() tld!: string;
  @Field(() => TldTypeEnum, { nullable: true }) tldType!: TldType | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 of a ccTLD' }) country!:
    string | null;
  @Field(() => RoutedPartyType, { nullable: true }) platform!: RoutedPartyType | null;
  @Field(() => RoutedPartyType, { nullable: true }) registry!: RoutedPartyType | null;
  @Field(() => RoutedPartyType, { nullable: true }) registrar!: RoutedPartyType | null;
  @Field(() => RoutedPartyType, { nullable: true }) csirt!: RoutedPartyType | null;
  @Field(() => [RoutedPartyType], {
    description: 'Parties in escalation order, the coordination centre last',
  })
  chain!: RoutedPartyType[];
  @Field(() => [RoutingUnknownType]) unknowns!: RoutingUnknownType[];
  @Field(() => DateTimeScalar) decidedAt!: string;
}
