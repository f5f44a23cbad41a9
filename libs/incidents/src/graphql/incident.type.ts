import { DateTimeScalar } from '@app/core/nest';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DomainName } from '@app/core';
import type {
  EvidenceKind,
  IncidentCategory,
  IncidentStatus,
  ResolutionOutcome,
  Severity,
  Tlp,
} from '../domain/incident.vocabulary';
import {
  EvidenceKindEnum,
  IncidentCategoryEnum,
  IncidentStatusEnum,
  ResolutionOutcomeEnum,
  SeverityEnum,
  TlpEnum,
} from './incident-enums';
import { ActorType } from '@app/core/nest';

@ObjectType('IncidentDomain', { description: 'A domain named in an incident, normalised to A-labels' })
export class IncidentDomainType implements DomainName {
  @Field({ description: 'Lower-case A-label form' }) name!: string;
  @Field({ description: 'Unicode form for display' }) unicode!: string;
  @Field() registrableDomain!: string;
  @Field() publicSuffix!: string;
  @Field({ description: "True when the suffix is in the PSL's private section (a platform)" })
  isPrivateSuffix!: boolean;
  @Field() tld!: string;
}

@ObjectType('Reporter')
export class ReporterType {
  @Field(() => ID, { nullable: true }) organisationId!: string | null;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) contact!: string | null;
}

@ObjectType('Evidence')
export class EvidenceType {
  @Field(() => ID) id!: string;
  @Field(() => EvidenceKindEnum) kind!: EvidenceKind;
  @Field() sha256!: string;
  @Field(() => Int) size!: number;
  @Field() mediaType!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field({ description: 'Whether the centre holds the content (up to the configured limit)' })
  contentStored!: boolean;
  @Field(() => DateTimeScalar) attachedAt!: string;
  @Field(() => ActorType) attachedBy!: ActorType;
}

@ObjectType('Comment')
export class CommentType {
  @Field(() => ID) id!: string;
  @Field() text!: string;
  @Field(() => ActorType) author!: ActorType;
  @Field(() => DateTimeScalar) postedAt!: string;
}

@ObjectType('Resolution')
export class ResolutionType {
  @Field(() => ResolutionOutcomeEnum) outcome!: ResolutionOutcome;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateTimeScalar) resolvedAt!: string;
}

@ObjectType('Incident')
export class IncidentType {
  @Field(() => ID) id!: string;
  @Field(() => IncidentStatusEnum) status!: IncidentStatus;
  @Field(() => SeverityEnum, { nullable: true, description: 'Set by triage' })
  severity!: Severity | null;
  @Field(() => IncidentCategoryEnum) category!: IncidentCategory;
  @Field(() => TlpEnum) tlp!: Tlp;
  @Field() description!: string;
  @Field(() => ReporterType) reporter!: ReporterType;
  @Field(() => [IncidentDomainType]) domains!: IncidentDomainType[];
  @Field(() => [String]) urls!: string[];
  @Field(() => [EvidenceType]) evidence!: EvidenceType[];
  @Field(() => [CommentType]) comments!: CommentType[];
  @Field(() => ResolutionType, { nullable: true }) resolution!: ResolutionType | null;
  @Field(() => DateTimeScalar) reportedAt!: string;
  @Field(() => DateTimeScalar) updatedAt!: string;
  @Field(() => Int, { description: 'Number of events in the stream; pass it as expectedVersion' })
  version!: number;
}
