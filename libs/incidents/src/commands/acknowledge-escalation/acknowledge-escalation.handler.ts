import { escalationChangeHandler } from '../escalation-change.handler';
import { AcknowledgeEscalationCommand } from './acknowledge-escalation.command';

export const AcknowledgeEscalationHandler = escalationChangeHandler(AcknowledgeEscalationCommand, {
  by: 'addressed party',
  action: 'acknowledge',
  toCommand: (_input, at, escalation) => ({
    type: 'AcknowledgeEscalation',
    escalationId: escalation.escalationId,
    at: at.toISOString(),
  }),
});
