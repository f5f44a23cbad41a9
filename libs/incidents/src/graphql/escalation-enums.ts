import { enumOf } from '@app/core/nest';
import { registerEnumType } from '@nestjs/graphql';
import {
  CLOCK_STATES,
  DECLINE_REASONS,
  ESCALATION_STATUSES,
  TAKEDOWN_ACTIONS,
} from '../domain/escalation.vocabulary';
import { REQUEST_TYPES, SLA_CLOCKS } from '../domain/sla/sla.vocabulary';

export const RequestTypeEnum = enumOf(REQUEST_TYPES);
export const SlaClockEnum = enumOf(SLA_CLOCKS);
export const ClockStateEnum = enumOf(CLOCK_STATES);
export const EscalationStatusEnum = enumOf(ESCALATION_STATUSES);
export const TakedownActionEnum = enumOf(TAKEDOWN_ACTIONS);
export const DeclineReasonEnum = enumOf(DECLINE_REASONS);

registerEnumType(RequestTypeEnum, {
  name: 'RequestType',
  description: 'What an escalation asks the party to do',
});
registerEnumType(SlaClockEnum, { name: 'SlaClock' });
registerEnumType(ClockStateEnum, { name: 'ClockState' });
registerEnumType(EscalationStatusEnum, { name: 'EscalationStatus' });
registerEnumType(TakedownActionEnum, { name: 'TakedownAction' });
registerEnumType(DeclineReasonEnum, { name: 'DeclineReason' });
