import { optionalText } from '../escalation-texts';
import { escalationChangeHandler } from '../escalation-change.handler';
import { RecordTakedownActionCommand } from './record-takedown-action.command';

export const RecordTakedownActionHandler = escalationChangeHandler(RecordTakedownActionCommand, {
  by: 'addressed party',
  action: 'record an action on',
  toCommand: (input, at, escalation) => ({
    type: 'RecordTakedownAction',
    escalationId: escalation.escalationId,
    action: input.action,
    evidence: optionalText('evidence', input.evidence),
    at: at.toISOString(),
  }),
});
