import { requiredText } from '../escalation-texts';
import { escalationChangeHandler } from '../escalation-change.handler';
import { WithdrawEscalationCommand } from './withdraw-escalation.command';

export const WithdrawEscalationHandler = escalationChangeHandler(WithdrawEscalationCommand, {
  by: 'requester',
  action: 'withdraw',
  toCommand: (input, at, escalation) => ({
    type: 'WithdrawEscalation',
    escalationId: escalation.escalationId,
    reason: requiredText('reason', input.reason),
    at: at.toISOString(),
  }),
});
