import type { TimelineEntry } from '@app/core';

export type { TimelineEntry };
import type { IncidentEvent } from '../../domain/incident.events';
import { isEscalationEvent } from '../../domain/escalation.events';
import { summariseEscalationEvent } from './escalation-summary';

/** A one-line account of an event for people reading a timeline. */
export function summariseIncidentEvent(event: IncidentEvent): string {
  if (isEscalationEvent(event)) return summariseEscalationEvent(event);
  switch (event.type) {
    case 'IncidentReported':
      return `Reported by ${event.data.reporter.name}: ${event.data.category} on ${event.data.domains
        .map((d) => d.name)
        .join(', ')} (TLP:${event.data.tlp})`;
    case 'IncidentRouted': {
      const { decision } = event.data;
      const chain = decision.chain
        .map((p) => `${p.role.toLowerCase().replace('_', ' ')} ${p.name}`)
        .join(' → ');
      const unknown = decision.unknowns.length ? ` (${decision.unknowns.length} unknown)` : '';
      return `Routed ${event.data.domain}: ${chain || 'nobody known'}${unknown}`;
    }
    case 'IncidentShared':
      return `Shared with ${event.data.name}`;
    case 'IncidentTriaged':
      return `Triaged as ${event.data.severity} ${event.data.category}`;
    case 'DomainAdded':
      return `Domain ${event.data.domain.name} added`;
    case 'EvidenceAttached':
      return `${event.data.kind} evidence attached (${event.data.size} bytes, sha256 ${event.data.sha256.slice(0, 12)}…)`;
    case 'CommentAdded':
      return 'Comment added';
    case 'IncidentResolved':
      return `Resolved: ${event.data.outcome}`;
    case 'IncidentReopened':
      return `Reopened: ${event.data.reason}`;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
