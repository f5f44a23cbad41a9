import type { DomainName } from '@app/core';
import type { EvidenceKind, IncidentCategory, ResolutionOutcome, Severity, Tlp } from './incident.vocabulary';
import type { RoutingDecision } from '@app/directory';
import type { EscalationCommand } from './escalation.commands';
import type { Reporter } from './incident.events';

/**
 * Commands as the decider sees them: already parsed (domains normalised, evidence hashed), with
 * time and ids supplied by the handler so that `decide` is deterministic.
 */

export interface ReportIncident {
  readonly type: 'ReportIncident';
  readonly incidentId: string;
  readonly reporter: Reporter;
  readonly domains: readonly DomainName[];
  readonly urls: readonly string[];
  readonly category: IncidentCategory;
  readonly description: string;
  readonly tlp: Tlp;
  readonly idempotencyKey: string | null;
}

export interface TriageIncident {
  readonly type: 'TriageIncident';
  readonly severity: Severity;
  /** The category as triaged; defaults to the reported one when omitted by the caller. */
  readonly category: IncidentCategory | null;
  readonly note: string | null;
}

export interface AddIncidentDomain {
  readonly type: 'AddIncidentDomain';
  readonly domain: DomainName;
}

export interface AttachEvidence {
  readonly type: 'AttachEvidence';
  readonly evidenceId: string;
  readonly kind: EvidenceKind;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly note: string | null;
  readonly content: string | null;
}

export interface CommentOnIncident {
  readonly type: 'CommentOnIncident';
  readonly commentId: string;
  readonly text: string;
}

export interface ResolveIncident {
  readonly type: 'ResolveIncident';
  readonly outcome: ResolutionOutcome;
  readonly note: string | null;
}

export interface ReopenIncident {
  readonly type: 'ReopenIncident';
  readonly reason: string;
}

export interface RecordRouting {
  readonly type: 'RecordRouting';
  readonly domain: string;
  readonly decision: RoutingDecision;
}

export interface ShareIncident {
  readonly type: 'ShareIncident';
  readonly organisationId: string;
  readonly name: string;
}

export type IncidentCommand =
  | ReportIncident
  | ShareIncident
  | RecordRouting
  | TriageIncident
  | AddIncidentDomain
  | AttachEvidence
  | CommentOnIncident
  | ResolveIncident
  | ReopenIncident
  | EscalationCommand;
