import type { DomainName } from '@app/core';
import type { RoutingDecision } from '@app/directory';
import { ESCALATION_EVENT_TYPES, type EscalationEvent } from './escalation.events';
import type { EvidenceKind, IncidentCategory, ResolutionOutcome, Severity, Tlp } from './incident.vocabulary';

/**
 * The incident stream's events. `type` is the stable stored name: a changed shape gets a new
 * name or an upcaster, and stored events are never rewritten.
 */

export interface Reporter {
  /** The reporting organisation's id once members exist; null for anonymous reports. */
  readonly organisationId: string | null;
  readonly name: string;
  readonly contact: string | null;
}

export interface IncidentReported {
  readonly type: 'IncidentReported';
  readonly data: {
    readonly incidentId: string;
    readonly reporter: Reporter;
    readonly domains: readonly DomainName[];
    readonly urls: readonly string[];
    readonly category: IncidentCategory;
    readonly description: string;
    readonly tlp: Tlp;
    readonly idempotencyKey: string | null;
  };
}

export interface IncidentTriaged {
  readonly type: 'IncidentTriaged';
  readonly data: {
    readonly severity: Severity;
    readonly category: IncidentCategory;
    readonly note: string | null;
  };
}

export interface DomainAdded {
  readonly type: 'DomainAdded';
  readonly data: { readonly domain: DomainName };
}

export interface EvidenceAttached {
  readonly type: 'EvidenceAttached';
  readonly data: {
    readonly evidenceId: string;
    readonly kind: EvidenceKind;
    readonly sha256: string;
    readonly size: number;
    readonly mediaType: string;
    readonly note: string | null;
    /** Base64 content when at most the configured limit, else null (kept elsewhere, known by hash). */
    readonly content: string | null;
  };
}

export interface CommentAdded {
  readonly type: 'CommentAdded';
  readonly data: { readonly commentId: string; readonly text: string };
}

export interface IncidentResolved {
  readonly type: 'IncidentResolved';
  readonly data: { readonly outcome: ResolutionOutcome; readonly note: string | null };
}

export interface IncidentReopened {
  readonly type: 'IncidentReopened';
  readonly data: { readonly reason: string };
}

/** Who is responsible for one of the incident's domains, as routing decided it at that moment. */
export interface IncidentRouted {
  readonly type: 'IncidentRouted';
  readonly data: {
    readonly domain: string;
    /** What the decision says, without timestamps: an unchanged re-route appends nothing. */
    readonly fingerprint: string;
    readonly decision: RoutingDecision;
  };
}

/** The reporter or the centre named an organisation as a recipient (what TLP:RED requires). */
export interface IncidentShared {
  readonly type: 'IncidentShared';
  readonly data: { readonly organisationId: string; readonly name: string };
}

export type IncidentEvent =
  | IncidentReported
  | IncidentShared
  | IncidentRouted
  | IncidentTriaged
  | DomainAdded
  | EvidenceAttached
  | CommentAdded
  | IncidentResolved
  | IncidentReopened
  | EscalationEvent;

export type IncidentEventType = IncidentEvent['type'];

export const INCIDENT_EVENT_TYPES: readonly IncidentEventType[] = [
  'IncidentReported',
  'IncidentRouted',
  'IncidentShared',
  'IncidentTriaged',
  'DomainAdded',
  'EvidenceAttached',
  'CommentAdded',
  'IncidentResolved',
  'IncidentReopened',
  ...ESCALATION_EVENT_TYPES,
];

export const INCIDENT_STREAM_PREFIX = 'incident-';
export const incidentStreamId = (incidentId: string): string => `${INCIDENT_STREAM_PREFIX}${incidentId}`;
export const incidentIdOfStream = (streamId: string): string => streamId.slice(INCIDENT_STREAM_PREFIX.length);
