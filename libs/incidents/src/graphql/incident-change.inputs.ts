import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type {
  EvidenceKind,
  IncidentCategory,
  ResolutionOutcome,
  Severity,
} from '../domain/incident.vocabulary';
import {
  EvidenceKindEnum,
  IncidentCategoryEnum,
  ResolutionOutcomeEnum,
  SeverityEnum,
} from './incident-enums';

/** Fields every mutation on an existing incident takes. */
@InputType({ isAbstract: true })
export abstract class IncidentChangeInput {
  @Field(() => ID) incidentId!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'The version the change was based on; a stale one fails with CONFLICT',
  })
  expectedVersion?: number | null;
}

@InputType('TriageIncidentInput')
export class TriageIncidentInput extends IncidentChangeInput {
  @Field(() => SeverityEnum) severity!: Severity;
  @Field(() => IncidentCategoryEnum, { nullable: true, description: 'Defaults to the current category' })
  category?: IncidentCategory | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('AddIncidentDomainInput')
export class AddIncidentDomainInput extends IncidentChangeInput {
  @Field() domain!: string;
}

@InputType('AttachEvidenceInput')
export class AttachEvidenceInput extends IncidentChangeInput {
  @Field(() => EvidenceKindEnum) kind!: EvidenceKind;
  @Field(() => String, {
    nullable: true,
    description: 'Base64 content, stored up to the configured limit; omit it to record a hash only',
  })
  contentBase64?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Required without content; checked against it otherwise',
  })
  sha256?: string | null;
  @Field(() => Int, { nullable: true, description: 'Size in bytes; required without content' })
  size?: number | null;
  @Field(() => String, { nullable: true, description: 'Defaults to application/octet-stream' })
  mediaType?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('CommentOnIncidentInput')
export class CommentOnIncidentInput extends IncidentChangeInput {
  @Field() text!: string;
}

@InputType('ResolveIncidentInput')
export class ResolveIncidentInput extends IncidentChangeInput {
  @Field(() => ResolutionOutcomeEnum) outcome!: ResolutionOutcome;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('ReopenIncidentInput')
export class ReopenIncidentInput extends IncidentChangeInput {
  @Field() reason!: string;
}

@InputType('ShareIncidentInput')
export class ShareIncidentInput {
  @Field(() => ID) incidentId!: string;
  @Field(() => ID, { description: 'The organisation to name as a recipient' }) organisationId!: string;
}
