import { requiredText } from '../escalation-texts';
import { escalationChangeHandler } from '../escalation-change.handler';
import { ProvideInformationCommand } from './provide-information.command';

export const ProvideInformationHandler = escalationChangeHandler(ProvideInformationCommand, {
  by: 'requester',
  action: 'provide information for',
  toCommand: async (input, at, escalation, incident, planner) => ({
    type: 'ProvideInformation',
    escalationId: escalation.escalationId,
    answer: requiredText('answer', input.answer),
    at: at.toISOString(),
    resumed: await planner.resumed(escalation, incident.severity, at),
  }),
});
