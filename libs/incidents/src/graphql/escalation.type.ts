import { ActorType, DateTimeScalar, PageInfoType } from '@app/core/nest';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  ClockStateEnum,
  DeclineReasonEnum,
  EscalationStatusEnum,
  RequestTypeEnum,
  SlaClockEnum,
  TakedownActionEnum,
} from './escalation-enums';
import { SeverityEnum } from './incident-enums';

@ObjectType('EscalationParty')
export class EscalationPartyType {
  @Field(() => ID) organisationId!: string;
  @Field() name!: string;
  @Field() kind!: string;
}

@ObjectType('SlaReminder')
export class SlaReminderType {
  @Field(() => Float) fraction!: number;
  @Field(() => DateTimeScalar) at!: string;
}

@ObjectType('SlaClockStatus', { description: 'One clock of an escalation: acknowledgement or action' })
export class SlaClockStatusType {
  @Field(() => SlaClockEnum) clock!: string;
  @Field(() => ClockStateEnum) state!: string;
  @Field(() => DateTimeScalar) startedAt!: string;
  @Field(() => DateTimeScalar) dueAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) pausedAt!: string | null;
  @Field(() => [SlaReminderType]) reminders!: SlaReminderType[];
  @Field(() => [Float]) remindersIssued!: number[];
}

@ObjectType('TakedownActionRecord')
export class TakedownActionRecordType {
  @Field(() => TakedownActionEnum) action!: string;
  @Field(() => String, { nullable: true }) evidence!: string | null;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => ActorType) recordedBy!: ActorType;
}

@ObjectType('TakedownDecline')
export class TakedownDeclineType {
  @Field(() => DeclineReasonEnum) reasonCode!: string;
  @Field() reason!: string;
  @Field(() => DateTimeScalar) declinedAt!: string;
}

@ObjectType('Escalation', { description: 'A request to one party, running on the SLA clock' })
export class EscalationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) incidentId!: string;
  @Field(() => EscalationPartyType) party!: EscalationPartyType;
  @Field(() => Int, { description: '1 for the first party asked; each automatic escalation adds one' })
  level!: number;
  @Field(() => RequestTypeEnum) requestType!: string;
  @Field(() => [String]) domains!: string[];
  @Field(() => EscalationStatusEnum) status!: string;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field({ description: 'The reporting organisation was a verified CSIRT when this was sent' })
  reporterVerifiedCsirt!: boolean;
  @Field(() => [SlaClockStatusType]) clocks!: SlaClockStatusType[];
  @Field(() => [EscalationPartyType], { description: 'Who is asked next if a deadline passes' })
  nextParties!: EscalationPartyType[];
  @Field(() => ID, { nullable: true, description: 'The escalation that took over after a breach' })
  escalatedTo!: string | null;
  @Field(() => ID, { nullable: true }) previousEscalationId!: string | null;
  @Field(() => DateTimeScalar) sentAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) acknowledgedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The open question to the reporter' }) question!:
    string | null;
  @Field(() => String, { nullable: true }) answer!: string | null;
  @Field(() => TakedownActionRecordType, { nullable: true }) action!: TakedownActionRecordType | null;
  @Field(() => TakedownDeclineType, { nullable: true }) decline!: TakedownDeclineType | null;
  @Field(() => DateTimeScalar) updatedAt!: string;
}

@ObjectType('InboxEscalation', { description: 'An escalation in a party inbox, with what makes it urgent' })
export class InboxEscalationType {
  @Field(() => EscalationType) escalation!: EscalationType;
  @Field(() => SeverityEnum, { nullable: true }) severity!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The earliest running deadline' }) nextDueAt!:
    string | null;
  @Field(() => Int, { description: 'Incidents reported about the same registrable domain' })
  reportsAboutDomain!: number;
}

@ObjectType('InboxEscalationEdge')
export class InboxEscalationEdgeType {
  @Field() cursor!: string;
  @Field(() => InboxEscalationType) node!: InboxEscalationType;
}

@ObjectType('InboxEscalationConnection', {
  description: 'Most urgent first: severity, verified CSIRT reporter, time left, reports about the domain',
})
export class InboxEscalationConnectionType {
  @Field(() => [InboxEscalationEdgeType]) edges!: InboxEscalationEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
  @Field(() => Int) totalCount!: number;
}
