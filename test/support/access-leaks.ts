import type { GraphqlClient } from './graphql-client';
import { UNKNOWN_INCIDENT_ID } from './access-subscriptions';

/**
 * Probes of the leaks suite: every operation that names an incident or an escalation by id, and a
 * refusal reduced to what a caller sees of it with the id replaced, so that the answer about an
 * invisible id can be compared with the answer about one that does not exist.
 */
export interface Probe {
  readonly name: string;
  readonly query: string;
  readonly variables: (id: string, evidenceId: string) => Record<string, unknown>;
}

const m = (field: string, type: string, payload = 'incident { id }') =>
  `mutation P($input: ${type}!) { ${field}(input: $input) { ${payload} } }`;
const input = (fields: Record<string, unknown>) => (incidentId: string) => ({
  input: { incidentId, ...fields },
});

export const INCIDENT_PROBES: readonly Probe[] = [
  { name: 'incident', query: 'query P($id: ID!) { incident(id: $id) { id } }', variables: (id) => ({ id }) },
  {
    name: 'timeline',
    query: 'query P($id: ID!) { incident(id: $id) { timeline { type summary } } }',
    variables: (id) => ({ id }),
  },
  {
    name: 'incidentAsOf',
    query: 'query P($id: ID!, $at: DateTime!) { incidentAsOf(id: $id, at: $at) { id } }',
    variables: (id) => ({ id, at: new Date().toISOString() }),
  },
  {
    name: 'evidenceContent',
    query: 'query P($i: ID!, $e: ID!) { evidenceContent(incidentId: $i, evidenceId: $e) { contentBase64 } }',
    variables: (i, e) => ({ i, e }),
  },
  {
    name: 'commentOnIncident',
    query: m('commentOnIncident', 'CommentOnIncidentInput'),
    variables: input({ text: 'probe' }),
  },
  {
    name: 'triageIncident',
    query: m('triageIncident', 'TriageIncidentInput'),
    variables: input({ severity: 'LOW' }),
  },
  {
    name: 'addIncidentDomain',
    query: m('addIncidentDomain', 'AddIncidentDomainInput'),
    variables: input({ domain: 'probe-domain.com' }),
  },
  {
    name: 'attachEvidence',
    query: m('attachEvidence', 'AttachEvidenceInput'),
    variables: input({ kind: 'OTHER', contentBase64: 'cHJvYmU=' }),
  },
  {
    name: 'resolveIncident',
    query: m('resolveIncident', 'ResolveIncidentInput'),
    variables: input({ outcome: 'OTHER' }),
  },
  {
    name: 'reopenIncident',
    query: m('reopenIncident', 'ReopenIncidentInput'),
    variables: input({ reason: 'probe' }),
  },
  {
    name: 'escalateIncident',
    query: m('escalateIncident', 'EscalateIncidentInput', 'escalation { id }'),
    variables: input({ requestType: 'TAKEDOWN' }),
  },
  {
    name: 'shareIncident',
    query: m('shareIncident', 'ShareIncidentInput'),
    variables: input({ organisationId: UNKNOWN_INCIDENT_ID }),
  },
  { name: 'rerouteIncident', query: m('rerouteIncident', 'RerouteIncidentInput'), variables: input({}) },
];

const e = (field: string, type: string, fields: Record<string, unknown> = {}): Probe => ({
  name: field,
  query: m(field, type, 'escalation { id }'),
  variables: (escalationId) => ({ input: { escalationId, ...fields } }),
});

export const ESCALATION_PROBES: readonly Probe[] = [
  e('acknowledgeEscalation', 'EscalationRefInput'),
  e('approveEscalation', 'EscalationRefInput'),
  e('requestMoreInformation', 'RequestMoreInformationInput', { question: 'probe?' }),
  e('provideInformation', 'ProvideInformationInput', { answer: 'probe' }),
  e('recordTakedownAction', 'RecordTakedownActionInput', { action: 'CLIENT_HOLD' }),
  e('declineTakedown', 'DeclineTakedownInput', { reasonCode: 'OTHER', reason: 'probe' }),
  e('withdrawEscalation', 'WithdrawEscalationInput', { reason: 'probe' }),
];

/** An id no escalation has; its refusals are what an invisible escalation must look like. */
export const UNKNOWN_ESCALATION_ID = '0190a1b2-c3d4-7e5f-8a9b-1c2d3e4f5a6b';

/**
 * What a caller sees of the answer to `probe` on `id`: HTTP status, data and errors, `{id}` for the
 * id. Source locations are left out: the server reports them only the first time it meets an
 * operation, before caching it, whatever the id.
 */
export async function answerTo(
  client: GraphqlClient,
  probe: Probe,
  id: string,
  evidenceId = UNKNOWN_INCIDENT_ID,
): Promise<string> {
  const response = await client.request(probe.query, probe.variables(id, evidenceId));
  const errors = response.errors.map(({ message, path, extensions }) => ({ message, path, extensions }));
  return JSON.stringify({ status: response.status, data: response.data, errors }).replaceAll(id, '{id}');
}

/** Every response body a suite saw, to check that a secret appears in none. */
export class Transcript {
  private readonly bodies: string[] = [];

  async read<Data>(
    client: GraphqlClient,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Data> {
    const response = await client.request<Data>(query, variables);
    this.bodies.push(JSON.stringify(response));
    if (response.errors.length > 0 || response.data === null) {
      throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }

  /** The secrets (ids, domains) found in any response seen so far. */
  leaked(secrets: readonly string[]): string[] {
    return secrets.filter((secret) => this.bodies.some((body) => body.includes(secret)));
  }
}

export const INBOX_QUERY = `query Inbox($filter: MyEscalationsFilter) {
  myEscalations(filter: $filter, first: 100) {
    totalCount
    edges { node { escalation { id incidentId status domains reporterVerifiedCsirt clocks { clock state startedAt } } } }
  }
}`;

export const ALL_ESCALATION_STATUSES = [
  'OPEN',
  'ACKNOWLEDGED',
  'AWAITING_INFORMATION',
  'ACTIONED',
  'DECLINED',
  'WITHDRAWN',
  'PENDING_APPROVAL',
];

export interface InboxEntry {
  id: string;
  incidentId: string;
  status: string;
  domains: string[];
  reporterVerifiedCsirt: boolean;
  clocks: { clock: string; state: string; startedAt: string }[];
}

/** The organisation's escalations: open ones by default, or of every status with `all`. */
export async function inboxOf(
  client: GraphqlClient,
  all = false,
): Promise<{ totalCount: number; entries: InboxEntry[] }> {
  const { myEscalations } = await client.expectData<{
    myEscalations: { totalCount: number; edges: { node: { escalation: InboxEntry } }[] };
  }>(INBOX_QUERY, all ? { filter: { status: ALL_ESCALATION_STATUSES } } : {});
  return { totalCount: myEscalations.totalCount, entries: myEscalations.edges.map((e) => e.node.escalation) };
}
