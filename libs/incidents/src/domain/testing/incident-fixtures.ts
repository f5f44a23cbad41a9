import type { DomainName } from '@app/core';
import { normaliseDomain } from '@app/core';
import type {
  AttachEvidence,
  IncidentCommand,
  ReopenIncident,
  ReportIncident,
  ResolveIncident,
} from '../incident.commands';
import type {
  CommentAdded,
  DomainAdded,
  EvidenceAttached,
  IncidentReopened,
  IncidentReported,
  IncidentResolved,
  IncidentTriaged,
} from '../incident.events';
import type { IncidentCategory, ResolutionOutcome, Severity } from '../incident.vocabulary';

/** Builders for incident commands and events in specs: defaults that are valid, overrides by field. */

export const INCIDENT_ID = '01900000-0000-7000-8000-000000000001';

export const domain = (name: string): DomainName => normaliseDomain(name);

export const sha256Of = (digit: string): string => digit.repeat(64);

export function reportIncident(overrides: Partial<Omit<ReportIncident, 'type'>> = {}): ReportIncident {
  return {
    type: 'ReportIncident',
    incidentId: INCIDENT_ID,
    reporter: { organisationId: null, name: 'CERT-EX', contact: 'cert@cert.example.org' },
    domains: [domain('login-paypa1.com')],
    urls: ['https://login-paypa1.com/signin'],
    category: 'PHISHING',
    description: 'Credential phishing page imitating a payment provider',
    tlp: 'AMBER',
    idempotencyKey: null,
    ...overrides,
  };
}

export function incidentReported(command: ReportIncident = reportIncident()): IncidentReported {
  const { type: _type, ...data } = command;
  return { type: 'IncidentReported', data };
}

export const incidentTriaged = (
  severity: Severity,
  category: IncidentCategory = 'PHISHING',
  note: string | null = null,
): IncidentTriaged => ({ type: 'IncidentTriaged', data: { severity, category, note } });

export const domainAdded = (name: string): DomainAdded => ({
  type: 'DomainAdded',
  data: { domain: domain(name) },
});

export function attachEvidence(overrides: Partial<Omit<AttachEvidence, 'type'>> = {}): AttachEvidence {
  return {
    type: 'AttachEvidence',
    evidenceId: 'evidence-1',
    kind: 'SCREENSHOT',
    sha256: sha256Of('a'),
    size: 1024,
    mediaType: 'image/png',
    note: null,
    content: null,
    ...overrides,
  };
}

export function evidenceAttached(command: AttachEvidence = attachEvidence()): EvidenceAttached {
  const { type: _type, ...data } = command;
  return { type: 'EvidenceAttached', data };
}

export const commentAdded = (commentId: string, text = 'Registrar contacted'): CommentAdded => ({
  type: 'CommentAdded',
  data: { commentId, text },
});

export const incidentResolved = (
  outcome: ResolutionOutcome = 'MITIGATED',
  note: string | null = null,
): IncidentResolved => ({ type: 'IncidentResolved', data: { outcome, note } });

export const incidentReopened = (reason = 'Domain is back online'): IncidentReopened => ({
  type: 'IncidentReopened',
  data: { reason },
});

/** `count` distinct valid names, for limit checks. */
export const manyDomainNames = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `phish-${i}.com`);

export const triageIncident = (
  severity: Severity,
  category: IncidentCategory | null = null,
): IncidentCommand => ({ type: 'TriageIncident', severity, category, note: null });

export const addIncidentDomain = (name: string): IncidentCommand => ({
  type: 'AddIncidentDomain',
  domain: domain(name),
});

export const commentOnIncident = (commentId: string, text = 'Registrar contacted'): IncidentCommand => ({
  type: 'CommentOnIncident',
  commentId,
  text,
});

export const resolveIncident: ResolveIncident = { type: 'ResolveIncident', outcome: 'MITIGATED', note: null };

export const reopenIncident: ReopenIncident = { type: 'ReopenIncident', reason: 'Domain is back online' };
