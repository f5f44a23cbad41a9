import type { Actor } from '@app/core';
import type { DomainName } from '@app/core';
import type { RoutingDecision } from '@app/directory';
import { isEscalationEvent } from '../domain/escalation.events';
import type { IncidentEvent, Reporter } from '../domain/incident.events';
import { type EscalationView, evolveEscalationViews, stopEscalationViews } from './escalation-view';
import type {
  EvidenceKind,
  IncidentCategory,
  IncidentStatus,
  ResolutionOutcome,
  Severity,
  Tlp,
} from '../domain/incident.vocabulary';

/** An incident as clients read it: the read model's document and the result of time travel. */
export interface IncidentView {
  readonly id: string;
  readonly status: IncidentStatus;
  readonly severity: Severity | null;
  readonly category: IncidentCategory;
  readonly tlp: Tlp;
  readonly description: string;
  readonly reporter: Reporter;
  readonly domains: readonly DomainName[];
  readonly urls: readonly string[];
  readonly evidence: readonly EvidenceView[];
  readonly comments: readonly CommentView[];
  readonly resolution: ResolutionView | null;
  /** The latest routing decision of each domain, in the order the domains were routed. */
  /** Absent from documents projected before routing existed; rebuilt ones always have it. */
  readonly routing?: readonly RoutingDecision[];
  /** Organisations named as recipients; absent from documents projected before sharing existed. */
  readonly recipients?: readonly { readonly organisationId: string; readonly name: string }[];
  /** Absent from documents projected before escalations existed. */
  readonly escalations?: readonly EscalationView[];
  readonly reportedAt: string;
  readonly updatedAt: string;
  /** Number of events in the stream; clients pass it back as `expectedVersion`. */
  readonly version: number;
}

export interface EvidenceView {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly note: string | null;
  readonly contentStored: boolean;
  readonly attachedAt: string;
  readonly attachedBy: Actor;
}

export interface CommentView {
  readonly id: string;
  readonly text: string;
  readonly author: Actor;
  readonly postedAt: string;
}

export interface ResolutionView {
  readonly outcome: ResolutionOutcome;
  readonly note: string | null;
  readonly resolvedAt: string;
}

/** What the view needs from an event's envelope besides its payload. */
export interface EventContext {
  readonly occurredAt: string;
  readonly actor: Actor;
}

/**
 * Pure fold of the incident stream into the view. The projection stores its result and
 * `incidentAsOf` replays it over a prefix of the stream, so both always agree.
 */
export function evolveIncidentView(
  view: IncidentView | null,
  event: IncidentEvent,
  context: EventContext,
): IncidentView | null {
  if (event.type === 'IncidentReported') {
    const { data } = event;
    return {
      id: data.incidentId,
      status: 'REPORTED',
      severity: null,
      category: data.category,
      tlp: data.tlp,
      description: data.description,
      reporter: data.reporter,
      domains: data.domains,
      urls: data.urls,
      evidence: [],
      comments: [],
      resolution: null,
      routing: [],
      escalations: [],
      reportedAt: context.occurredAt,
      updatedAt: context.occurredAt,
      version: 1,
    };
  }
  if (!view) return null;
  const next = { ...view, updatedAt: context.occurredAt, version: view.version + 1 };
  if (isEscalationEvent(event)) {
    return { ...next, escalations: evolveEscalationViews(view.escalations ?? [], event, context) };
  }
  switch (event.type) {
    case 'IncidentTriaged':
      return { ...next, status: 'TRIAGED', severity: event.data.severity, category: event.data.category };
    case 'IncidentRouted': {
      const others = (view.routing ?? []).filter((d) => d.domain !== event.data.domain);
      return { ...next, routing: [...others, event.data.decision] };
    }
    case 'IncidentShared':
      return { ...next, recipients: [...(view.recipients ?? []), event.data] };
    case 'DomainAdded':
      return { ...next, domains: [...view.domains, event.data.domain] };
    case 'EvidenceAttached': {
      const { data } = event;
      const evidence: EvidenceView = {
        id: data.evidenceId,
        kind: data.kind,
        sha256: data.sha256,
        size: data.size,
        mediaType: data.mediaType,
        note: data.note,
        contentStored: data.content !== null,
        attachedAt: context.occurredAt,
        attachedBy: context.actor,
      };
      return { ...next, evidence: [...view.evidence, evidence] };
    }
    case 'CommentAdded': {
      const comment: CommentView = {
        id: event.data.commentId,
        text: event.data.text,
        author: context.actor,
        postedAt: context.occurredAt,
      };
      return { ...next, comments: [...view.comments, comment] };
    }
    case 'IncidentResolved':
      return {
        ...next,
        status: 'RESOLVED',
        resolution: { outcome: event.data.outcome, note: event.data.note, resolvedAt: context.occurredAt },
        escalations: stopEscalationViews(view.escalations ?? []),
      };
    case 'IncidentReopened':
      return { ...next, status: 'REOPENED', resolution: null };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
