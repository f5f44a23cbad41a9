import { escalationChangeHandler } from '../escalation-change.handler';
import { ApproveEscalationCommand } from './approve-escalation.command';

/** The clocks start at approval: the party could not see the request before. */
export const ApproveEscalationHandler = escalationChangeHandler(ApproveEscalationCommand, {
  by: 'coordinator',
  action: 'approve',
  toCommand: async (_input, at, escalation, incident, planner) => ({
    type: 'ApproveEscalation',
    escalationId: escalation.escalationId,
    at: at.toISOString(),
    clocks: await planner.clocksFrom(escalation, incident.severity, at),
  }),
});
