import { type Escalations, evolveEscalations, stopAllEscalationClocks } from './escalation.state';
import { isEscalationEvent } from './escalation.events';
import type { IncidentEvent, IncidentReported, Reporter } from './incident.events';
import type {
  IncidentCategory,
  IncidentStatus,
  ResolutionOutcome,
  Severity,
  Tlp,
} from './incident.vocabulary';

/** No event has been stored for this incident id yet. */
export interface AbsentIncident {
  readonly kind: 'absent';
}

/** Evidence as the decider needs it: enough to refuse duplicates, no content. */
export interface EvidenceRef {
  readonly evidenceId: string;
  readonly sha256: string;
}

export interface Resolution {
  readonly outcome: ResolutionOutcome;
  readonly note: string | null;
}

/**
 * The write-side view of one incident: only what `decideIncident` checks invariants against.
 * Plain data (arrays, no Sets) so it can be snapshotted as JSON.
 */
export interface ExistingIncident {
  readonly kind: 'existing';
  readonly incidentId: string;
  readonly status: IncidentStatus;
  readonly reporter: Reporter;
  /** Normalised A-label names, in the order they were added. */
  readonly domains: readonly string[];
  readonly category: IncidentCategory;
  /** Null until the incident is first triaged. */
  readonly severity: Severity | null;
  readonly tlp: Tlp;
  readonly idempotencyKey: string | null;
  /** Canonical form of the original report, to tell a retry from a reused idempotency key. */
  readonly reportFingerprint: string;
  readonly evidence: readonly EvidenceRef[];
  readonly commentIds: readonly string[];
  /** The current resolution; null while open or after a reopen. */
  readonly resolution: Resolution | null;
  /** Fingerprint of the latest routing decision per domain. */
  readonly routings: Readonly<Record<string, string>>;
  readonly escalations: Escalations;
  /** Organisations named as recipients. */
  readonly recipients: readonly string[];
}

export type IncidentState = AbsentIncident | ExistingIncident;

export const initialIncidentState: IncidentState = { kind: 'absent' };

/** A stream that no decider could have written; reading on would hide the corruption. */
export class InvalidIncidentStreamError extends Error {
  constructor(eventType: IncidentEvent['type'], stateKind: IncidentState['kind']) {
    super(`Event ${eventType} cannot apply to an ${stateKind} incident: the stream is corrupt`);
    this.name = 'InvalidIncidentStreamError';
  }
}

/**
 * The report's content without its id, in a fixed key order, so that a retried report can be
 * compared with the stored one by string equality.
 */
export function reportFingerprint(report: Omit<IncidentReported['data'], 'incidentId'>): string {
  return JSON.stringify([
    report.reporter.organisationId,
    report.reporter.name,
    report.reporter.contact,
    report.domains.map((domain) => domain.name),
    report.urls,
    report.category,
    report.description,
    report.tlp,
    report.idempotencyKey,
  ]);
}

/**
 * Folds one stored event into the incident's state. Exhaustive over the closed event union, so a
 * new event type fails to compile here until its effect is written down.
 */
export function evolveIncident(state: IncidentState, event: IncidentEvent): IncidentState {
  if (event.type === 'IncidentReported') {
    if (state.kind !== 'absent') throw new InvalidIncidentStreamError(event.type, state.kind);
    return reported(event);
  }
  if (state.kind === 'absent') throw new InvalidIncidentStreamError(event.type, state.kind);
  if (isEscalationEvent(event)) return { ...state, escalations: evolveEscalations(state.escalations, event) };

  switch (event.type) {
    case 'IncidentTriaged':
      return {
        ...state,
        status: 'TRIAGED',
        severity: event.data.severity,
        category: event.data.category,
      };
    case 'IncidentRouted':
      return { ...state, routings: { ...state.routings, [event.data.domain]: event.data.fingerprint } };
    case 'IncidentShared':
      return { ...state, recipients: [...state.recipients, event.data.organisationId] };
    case 'DomainAdded':
      return { ...state, domains: [...state.domains, event.data.domain.name] };
    case 'EvidenceAttached': {
      const { evidenceId, sha256 } = event.data;
      return { ...state, evidence: [...state.evidence, { evidenceId, sha256 }] };
    }
    case 'CommentAdded':
      return { ...state, commentIds: [...state.commentIds, event.data.commentId] };
    case 'IncidentResolved':
      return {
        ...state,
        status: 'RESOLVED',
        resolution: { outcome: event.data.outcome, note: event.data.note },
        escalations: stopAllEscalationClocks(state.escalations),
      };
    case 'IncidentReopened':
      return { ...state, status: 'REOPENED', resolution: null };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** Replays a whole stream from the initial state. */
export function foldIncident(events: readonly IncidentEvent[]): IncidentState {
  return events.reduce(evolveIncident, initialIncidentState);
}

function reported({ data }: IncidentReported): ExistingIncident {
  return {
    kind: 'existing',
    incidentId: data.incidentId,
    status: 'REPORTED',
    reporter: data.reporter,
    domains: data.domains.map((domain) => domain.name),
    category: data.category,
    severity: null,
    tlp: data.tlp,
    idempotencyKey: data.idempotencyKey,
    reportFingerprint: reportFingerprint(data),
    evidence: [],
    commentIds: [],
    resolution: null,
    routings: {},
    escalations: {},
    recipients: [],
  };
}
