import type { EscalationView } from '../projections/escalation-view';
import type { EscalationType } from './escalation.type';

/** The GraphQL shape of an escalation view. */
export function presentEscalation(view: EscalationView, incidentId: string): EscalationType {
  return {
    ...view,
    id: view.escalationId,
    incidentId,
    domains: [...view.domains],
    nextParties: [...view.nextParties],
    clocks: view.clocks.map((c) => ({
      ...c,
      reminders: [...c.reminders],
      remindersIssued: [...c.remindersIssued],
    })),
    action: view.action ? { ...view.action, recordedBy: { ...view.action.recordedBy } } : null,
    decline: view.decline ? { ...view.decline } : null,
  };
}
