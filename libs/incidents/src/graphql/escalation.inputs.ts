import { Field, ID, InputType } from '@nestjs/graphql';
import type { DeclineReason, EscalationStatus, TakedownAction } from '../domain/escalation.vocabulary';
import type { RequestType } from '../domain/sla/sla.vocabulary';
import {
  DeclineReasonEnum,
  EscalationStatusEnum,
  RequestTypeEnum,
  TakedownActionEnum,
} from './escalation-enums';

@InputType('EscalateIncidentInput')
export class EscalateIncidentInput {
  @Field(() => ID) incidentId!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The party to ask; by default the first known party of the routing chain',
  })
  organisationId?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: 'The domains concerned; by default all of the incident',
  })
  domains?: string[] | null;
  @Field(() => RequestTypeEnum) requestType!: RequestType;
  @Field(() => String, { nullable: true }) message?: string | null;
}

@InputType('EscalationRefInput')
export class EscalationRefInput {
  @Field(() => ID) escalationId!: string;
}

@InputType('RequestMoreInformationInput')
export class RequestMoreInformationInput extends EscalationRefInput {
  @Field() question!: string;
}

@InputType('ProvideInformationInput')
export class ProvideInformationInput extends EscalationRefInput {
  @Field() answer!: string;
}

@InputType('RecordTakedownActionInput')
export class RecordTakedownActionInput extends EscalationRefInput {
  @Field(() => TakedownActionEnum) action!: TakedownAction;
  @Field(() => String, { nullable: true, description: 'What shows it: a note, a ticket, an RDAP status' })
  evidence?: string | null;
}

@InputType('DeclineTakedownInput')
export class DeclineTakedownInput extends EscalationRefInput {
  @Field(() => DeclineReasonEnum) reasonCode!: DeclineReason;
  @Field() reason!: string;
}

@InputType('WithdrawEscalationInput')
export class WithdrawEscalationInput extends EscalationRefInput {
  @Field() reason!: string;
}

@InputType('MyEscalationsFilter')
export class MyEscalationsFilterInput {
  @Field(() => [EscalationStatusEnum], {
    nullable: true,
    description: 'Open ones (OPEN, ACKNOWLEDGED, AWAITING_INFORMATION) when left out',
  })
  status?: EscalationStatus[] | null;
  @Field(() => [RequestTypeEnum], { nullable: true }) requestType?: RequestType[] | null;
}
