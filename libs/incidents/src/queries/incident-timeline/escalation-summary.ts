import type { EscalationEvent } from '../../domain/escalation.events';

const lower = (text: string): string => text.toLowerCase().replaceAll('_', ' ');

/** A one-line account of an escalation event for people reading a timeline. */
export function summariseEscalationEvent(event: EscalationEvent): string {
  switch (event.type) {
    case 'EscalationSent': {
      const { party, requestType, level, domains, clocks } = event.data;
      const due = clocks.map((c) => `${lower(c.clock)} by ${c.dueAt}`).join(', ');
      const pending = event.data.awaitingApproval ? " (awaiting a coordinator's approval)" : '';
      return `${requestType} request${pending} sent to ${party.name} (${lower(party.kind)}, level ${level}) for ${domains.join(', ')}; ${due}`;
    }
    case 'EscalationApproved':
      return 'Escalation approved by a coordinator; clocks started';
    case 'EscalationAcknowledged':
      return 'Escalation acknowledged';
    case 'MoreInfoRequested':
      return 'More information requested; clocks paused';
    case 'InfoProvided':
      return 'Information provided; clocks resumed';
    case 'TakedownActionRecorded':
      return `Takedown action recorded: ${lower(event.data.action)}`;
    case 'TakedownDeclined':
      return `Takedown declined: ${lower(event.data.reasonCode)}`;
    case 'EscalationWithdrawn':
      return `Escalation withdrawn: ${event.data.reason}`;
    case 'SlaReminderIssued':
      return `Reminder: ${Math.round(event.data.fraction * 100)}% of the ${lower(event.data.clock)} time used (due ${event.data.dueAt})`;
    case 'SlaBreached':
      return `${lower(event.data.clock)} deadline ${event.data.dueAt} passed without an answer`;
    case 'EscalatedToNextParty':
      return `Escalated to ${event.data.to.name} (${lower(event.data.to.kind)})`;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
