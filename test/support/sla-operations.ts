import type { GraphqlClient } from './graphql-client';

/** The escalation operations the SLA e2e suites send, written as a client would. */
export const ESCALATION_FIELDS = `
  id status level requestType sentAt acknowledgedAt question answer escalatedTo previousEscalationId
  party { organisationId name kind }
  clocks { clock state startedAt dueAt pausedAt remindersIssued reminders { fraction at } }
  nextParties { organisationId name kind }
  action { action evidence }
`;

const PAYLOAD = `escalation { ${ESCALATION_FIELDS} } incident { id version }`;

export const ESCALATE = `mutation Escalate($input: EscalateIncidentInput!) { escalateIncident(input: $input) { ${PAYLOAD} } }`;
export const ACKNOWLEDGE = `mutation Ack($input: EscalationRefInput!) { acknowledgeEscalation(input: $input) { ${PAYLOAD} } }`;
export const REQUEST_INFO = `mutation Ask($input: RequestMoreInformationInput!) { requestMoreInformation(input: $input) { ${PAYLOAD} } }`;
export const PROVIDE_INFO = `mutation Answer($input: ProvideInformationInput!) { provideInformation(input: $input) { ${PAYLOAD} } }`;
export const RECORD_ACTION = `mutation Act($input: RecordTakedownActionInput!) { recordTakedownAction(input: $input) { ${PAYLOAD} } }`;
export const WITHDRAW = `mutation Withdraw($input: WithdrawEscalationInput!) { withdrawEscalation(input: $input) { ${PAYLOAD} } }`;

export const SLA_INCIDENT = `query SlaIncident($id: ID!) {
  incident(id: $id) {
    id status severity version
    routing { domain chain { role organisation } }
    escalations { ${ESCALATION_FIELDS} }
    timeline { version type summary occurredAt correlationId actor { kind } }
  }
}`;

export const MY_ESCALATIONS = `query Inbox($filter: MyEscalationsFilter, $first: Int, $after: String) {
  myEscalations(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { escalation { id status party { organisationId } } severity nextDueAt reportsAboutDomain } }
  }
}`;

export interface Party {
  organisationId: string;
  name: string;
  kind: string;
}

export interface ClockStatus {
  clock: 'ACKNOWLEDGEMENT' | 'ACTION';
  state: 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'STOPPED';
  startedAt: string;
  dueAt: string;
  pausedAt: string | null;
  remindersIssued: number[];
  reminders: { fraction: number; at: string }[];
}

export interface Escalation {
  id: string;
  status: string;
  level: number;
  requestType: string;
  sentAt: string;
  acknowledgedAt: string | null;
  question: string | null;
  answer: string | null;
  escalatedTo: string | null;
  previousEscalationId: string | null;
  party: Party;
  clocks: ClockStatus[];
  nextParties: Party[];
  action: { action: string; evidence: string | null } | null;
}

export interface TimelineEntry {
  version: number;
  type: string;
  summary: string;
  occurredAt: string;
  correlationId: string;
  actor: { kind: string };
}

export interface SlaIncident {
  id: string;
  status: string;
  severity: string | null;
  version: number;
  routing: { domain: string; chain: { role: string; organisation: string | null }[] }[];
  escalations: Escalation[];
  timeline: TimelineEntry[];
}

export interface InboxPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: {
    node: {
      escalation: { id: string; status: string; party: { organisationId: string } };
      severity: string | null;
      nextDueAt: string | null;
      reportsAboutDomain: number;
    };
  }[];
}

/** Runs an escalation mutation and returns the escalation it answers with. */
export async function escalationChange(
  client: GraphqlClient,
  mutation: string,
  input: Record<string, unknown>,
): Promise<Escalation> {
  const data = await client.expectData<Record<string, { escalation: Escalation }>>(mutation, { input });
  const [payload] = Object.values(data);
  if (!payload) throw new Error(`no payload in ${JSON.stringify(data)}`);
  return payload.escalation;
}

export async function readIncident(client: GraphqlClient, id: string): Promise<SlaIncident> {
  return (await client.expectData<{ incident: SlaIncident }>(SLA_INCIDENT, { id })).incident;
}

export async function myEscalations(
  client: GraphqlClient,
  variables: Record<string, unknown> = {},
): Promise<InboxPage> {
  return (await client.expectData<{ myEscalations: InboxPage }>(MY_ESCALATIONS, variables)).myEscalations;
}
