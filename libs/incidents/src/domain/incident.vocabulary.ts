/** Closed vocabularies shared by events, commands, read models and the GraphQL enums. */

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INCIDENT_CATEGORIES = [
  'PHISHING',
  'MALWARE',
  'BOTNET_CC',
  'DNS_HIJACK',
  'CACHE_POISONING',
  'FAST_FLUX',
  'DDOS_AMPLIFICATION',
  'SPAM',
  'OTHER',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** FIRST TLP 2.0 markings, from most to least restrictive. */
export const TLPS = ['RED', 'AMBER_STRICT', 'AMBER', 'GREEN', 'CLEAR'] as const;
export type Tlp = (typeof TLPS)[number];

export const INCIDENT_STATUSES = ['REPORTED', 'TRIAGED', 'RESOLVED', 'REOPENED'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const RESOLUTION_OUTCOMES = [
  'MITIGATED',
  'FALSE_POSITIVE',
  'DUPLICATE',
  'NOT_ACTIONABLE',
  'OTHER',
] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

export const EVIDENCE_KINDS = [
  'SCREENSHOT',
  'EMAIL',
  'HTTP_CAPTURE',
  'DNS_RECORD',
  'MALWARE_SAMPLE',
  'LOG',
  'OTHER',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
