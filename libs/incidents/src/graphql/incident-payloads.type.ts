import { Field, ObjectType } from '@nestjs/graphql';
import { IncidentDomainType, IncidentType } from './incident.type';

@ObjectType('ReportIncidentPayload')
export class ReportIncidentPayload {
  @Field(() => IncidentType) incident!: IncidentType;
  @Field({ description: 'True when an earlier request with the same idempotency key created it' })
  replayed!: boolean;
}

/** Each mutation has its own payload type (Relay convention), all holding the updated incident. */
function incidentPayload(name: string): new () => { incident: IncidentType } {
  @ObjectType(name)
  class Payload {
    @Field(() => IncidentType) incident!: IncidentType;
  }
  return Payload;
}

export const TriageIncidentPayload = incidentPayload('TriageIncidentPayload');
export const AddIncidentDomainPayload = incidentPayload('AddIncidentDomainPayload');
export const AttachEvidencePayload = incidentPayload('AttachEvidencePayload');
export const CommentOnIncidentPayload = incidentPayload('CommentOnIncidentPayload');
export const ResolveIncidentPayload = incidentPayload('ResolveIncidentPayload');
export const ReopenIncidentPayload = incidentPayload('ReopenIncidentPayload');
export const RerouteIncidentPayload = incidentPayload('RerouteIncidentPayload');
export const ShareIncidentPayload = incidentPayload('ShareIncidentPayload');

@ObjectType('IncidentReportPreview', { description: 'A report as it would be recorded; nothing is stored' })
export class IncidentReportPreview {
  @Field(() => [IncidentDomainType]) domains!: IncidentDomainType[];
  @Field(() => [String]) urls!: string[];
}
