import { Field, ObjectType } from '@nestjs/graphql';
import { EscalationType } from './escalation.type';
import { IncidentType } from './incident.type';

@ObjectType('EscalationPayload')
export class EscalationPayload {
  @Field(() => EscalationType) escalation!: EscalationType;
  @Field(() => IncidentType) incident!: IncidentType;
}
