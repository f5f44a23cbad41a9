import { requiredText } from '../escalation-texts';
import { escalationChangeHandler } from '../escalation-change.handler';
import { DeclineTakedownCommand } from './decline-takedown.command';

export const DeclineTakedownHandler = escalationChangeHandler(DeclineTakedownCommand, {
  by: 'addressed party',
  action: 'decline',
  toCommand: (input, at, escalation) => ({
    type: 'DeclineTakedown',
    escalationId: escalation.escalationId,
    reasonCode: input.reasonCode,
    reason: requiredText('reason', input.reason),
    at: at.toISOString(),
  }),
});
