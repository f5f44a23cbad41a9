/** The operations the e2e suites send, written as a client would. */
export const INCIDENT_FIELDS = `
  id status severity category tlp description version reportedAt updatedAt urls
  reporter { name contact organisationId }
  domains { name unicode registrableDomain publicSuffix isPrivateSuffix tld }
  evidence { id kind sha256 size mediaType note contentStored }
  comments { id text author { kind } }
  resolution { outcome note resolvedAt }
`;

export const REPORT = `mutation Report($input: ReportIncidentInput!) {
  reportIncident(input: $input) { replayed incident { ${INCIDENT_FIELDS} } }
}`;

export const TRIAGE = `mutation Triage($input: TriageIncidentInput!) {
  triageIncident(input: $input) { incident { ${INCIDENT_FIELDS} } }
}`;

export const ADD_DOMAIN = `mutation AddDomain($input: AddIncidentDomainInput!) {
  addIncidentDomain(input: $input) { incident { ${INCIDENT_FIELDS} } }
}`;

export const ATTACH_EVIDENCE = `mutation Attach($input: AttachEvidenceInput!) {
  attachEvidence(input: $input) { incident { ${INCIDENT_FIELDS} } }
}`;

export const COMMENT = `mutation Comment($input: CommentOnIncidentInput!) {
  commentOnIncident(input: $input) { incident { ${INCIDENT_FIELDS} } }
}`;

export const RESOLVE = `mutation Resolve($input: ResolveIncidentInput!) {
  resolveIncident(input: $input) { incident { ${INCIDENT_FIELDS} } }
}`;

export const REOPEN = `mutation Reopen($input: ReopenIncidentInput!) {
  reopenIncident(input: $input) { incident { ${INCIDENT_FIELDS} } }
}`;

export const GET = `query Get($id: ID!) {
  incident(id: $id) { ${INCIDENT_FIELDS} timeline { version type summary occurredAt eventId correlationId causationId actor { kind } } }
}`;

export const AS_OF = `query AsOf($id: ID!, $at: DateTime!) {
  incidentAsOf(id: $id, at: $at) { ${INCIDENT_FIELDS} timeline { version type } }
}`;

export const LIST = `query List($filter: IncidentFilter, $first: Int, $after: String) {
  incidents(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id status severity category tlp domains { name } } }
  }
}`;

export const aReport = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  domains: ['login-paypa1.example.com'],
  urls: ['https://login-paypa1.example.com/signin'],
  category: 'PHISHING',
  description: 'Credential phishing page imitating a payment provider',
  tlp: 'AMBER',
  contact: 'cert@cert.ee',
  ...overrides,
});
