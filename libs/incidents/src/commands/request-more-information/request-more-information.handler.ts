import { requiredText } from '../escalation-texts';
import { escalationChangeHandler } from '../escalation-change.handler';
import { RequestMoreInformationCommand } from './request-more-information.command';

export const RequestMoreInformationHandler = escalationChangeHandler(RequestMoreInformationCommand, {
  by: 'addressed party',
  action: 'request more information on',
  toCommand: (input, at, escalation) => ({
    type: 'RequestMoreInformation',
    escalationId: escalation.escalationId,
    question: requiredText('question', input.question),
    at: at.toISOString(),
  }),
});
