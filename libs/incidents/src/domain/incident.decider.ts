import { InvalidInputError } from '@app/core';
import type {
  AddIncidentDomain,
  AttachEvidence,
  CommentOnIncident,
  IncidentCommand,
  RecordRouting,
  ReopenIncident,
  ReportIncident,
  ResolveIncident,
  TriageIncident,
} from './incident.commands';
import {
  DuplicateDomainError,
  DuplicateEvidenceError,
  IdempotencyKeyReusedError,
  IncidentAlreadyReportedError,
  IncidentAlreadyResolvedError,
  IncidentNotFoundError,
  IncidentNotResolvedError,
  TooManyDomainsError,
  type ResolvedIncidentAction,
} from './incident.errors';
import type { IncidentEvent } from './incident.events';
import { MAX_DOMAINS_PER_INCIDENT, MAX_URLS_PER_INCIDENT, limitItems } from './incident.input-limits';
import { decideEscalation } from './escalation.decider';
import { routingFingerprint } from './incident.routing';
import { reportFingerprint, type ExistingIncident, type IncidentState } from './incident.state';

type Events = readonly IncidentEvent[];

/**
 * Decides what a command means for an incident in its current state: the events to append, none
 * when the command would change nothing (a retry), or a typed domain error.
 *
 * Free text and names are expected already parsed (see `incident.command-parsers.ts`); this
 * function checks only what depends on the incident's state, plus the report's shape, which
 * every later event relies on.
 */
export function decideIncident(command: IncidentCommand, state: IncidentState): Events {
  if (command.type === 'ReportIncident') return report(command, state);
  if (state.kind === 'absent') throw new IncidentNotFoundError(null);

  switch (command.type) {
    case 'RecordRouting':
      return recordRouting(command, state);
    case 'ShareIncident':
      return state.recipients.includes(command.organisationId)
        ? []
        : [{ type: 'IncidentShared', data: { organisationId: command.organisationId, name: command.name } }];
    case 'EscalateIncident':
    case 'ApproveEscalation':
    case 'AcknowledgeEscalation':
    case 'RequestMoreInformation':
    case 'ProvideInformation':
    case 'RecordTakedownAction':
    case 'DeclineTakedown':
    case 'WithdrawEscalation':
    case 'RecordSlaReminder':
    case 'RecordSlaBreach':
      return decideEscalation(command, state);
    case 'TriageIncident':
      return triage(command, state);
    case 'AddIncidentDomain':
      return addDomain(command, state);
    case 'AttachEvidence':
      return attachEvidence(command, state);
    case 'CommentOnIncident':
      return comment(command, state);
    case 'ResolveIncident':
      return resolve(command, state);
    case 'ReopenIncident':
      return reopen(command, state);
    default:
      return assertNever(command);
  }
}

function report(command: ReportIncident, state: IncidentState): Events {
  const { type: _type, ...data } = command;
  if (state.kind === 'existing') {
    // Only a report carrying the stored idempotency key is a retry; anything else is a clash.
    const key = data.idempotencyKey;
    if (key === null || key !== state.idempotencyKey)
      throw new IncidentAlreadyReportedError(state.incidentId);
    if (reportFingerprint(data) !== state.reportFingerprint)
      throw new IdempotencyKeyReusedError(key, state.incidentId);
    return [];
  }
  if (data.domains.length === 0) throw new InvalidInputError('domains', [], 'must name at least one domain');
  limitItems('domains', data.domains, MAX_DOMAINS_PER_INCIDENT);
  limitItems('urls', data.urls, MAX_URLS_PER_INCIDENT);
  const seen = new Set<string>();
  for (const { name } of data.domains) {
    if (seen.has(name)) throw new InvalidInputError('domains', name, 'is listed more than once');
    seen.add(name);
  }
  return [{ type: 'IncidentReported', data }];
}

/** Routing is information, not action: it is recorded on resolved incidents too. */
function recordRouting(command: RecordRouting, state: ExistingIncident): Events {
  if (!state.domains.includes(command.domain)) {
    throw new InvalidInputError('domain', command.domain, 'is not a domain of this incident');
  }
  const fingerprint = routingFingerprint(command.decision);
  if (state.routings[command.domain] === fingerprint) return [];
  return [
    { type: 'IncidentRouted', data: { domain: command.domain, fingerprint, decision: command.decision } },
  ];
}

function triage(command: TriageIncident, state: ExistingIncident): Events {
  requireOpen(state, 'triage');
  const category = command.category ?? state.category;
  const unchanged =
    state.status === 'TRIAGED' && state.severity === command.severity && state.category === category;
  // A repeat of the current triage is a retry or a double click; the note alone is not a change.
  if (unchanged) return [];
  return [{ type: 'IncidentTriaged', data: { severity: command.severity, category, note: command.note } }];
}

function addDomain(command: AddIncidentDomain, state: ExistingIncident): Events {
  requireOpen(state, 'add a domain to');
  const { domain } = command;
  if (state.domains.includes(domain.name)) throw new DuplicateDomainError(domain.name, state.incidentId);
  if (state.domains.length >= MAX_DOMAINS_PER_INCIDENT) {
    throw new TooManyDomainsError(state.incidentId, MAX_DOMAINS_PER_INCIDENT);
  }
  return [{ type: 'DomainAdded', data: { domain } }];
}

function attachEvidence(command: AttachEvidence, state: ExistingIncident): Events {
  requireOpen(state, 'attach evidence to');
  const { type: _type, ...data } = command;
  const sameId = state.evidence.find((evidence) => evidence.evidenceId === data.evidenceId);
  // The same id with the same content is the handler retrying an append that did succeed.
  if (sameId?.sha256 === data.sha256) return [];
  if (sameId !== undefined) {
    throw new DuplicateEvidenceError(state.incidentId, sameId.evidenceId, data.sha256, 'same-id');
  }
  const sameContent = state.evidence.find((evidence) => evidence.sha256 === data.sha256);
  if (sameContent !== undefined) {
    throw new DuplicateEvidenceError(state.incidentId, sameContent.evidenceId, data.sha256, 'same-content');
  }
  return [{ type: 'EvidenceAttached', data }];
}

/** Comments stay open after resolution: people still discuss a closed case. */
function comment(command: CommentOnIncident, state: ExistingIncident): Events {
  // Comment ids are minted once per request, so a known id can only be a retry.
  if (state.commentIds.includes(command.commentId)) return [];
  return [{ type: 'CommentAdded', data: { commentId: command.commentId, text: command.text } }];
}

function resolve(command: ResolveIncident, state: ExistingIncident): Events {
  requireOpen(state, 'resolve');
  return [{ type: 'IncidentResolved', data: { outcome: command.outcome, note: command.note } }];
}

function reopen(command: ReopenIncident, state: ExistingIncident): Events {
  if (state.status !== 'RESOLVED') throw new IncidentNotResolvedError(state.incidentId, state.status);
  return [{ type: 'IncidentReopened', data: { reason: command.reason } }];
}

function requireOpen(state: ExistingIncident, action: ResolvedIncidentAction): void {
  if (state.status === 'RESOLVED') throw new IncidentAlreadyResolvedError(state.incidentId, action);
}

function assertNever(command: never): never {
  throw new Error(`Unhandled incident command ${JSON.stringify(command)}`);
}
