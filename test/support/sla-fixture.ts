import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { addMemberWithToken, ME, type Organisation, registerOrganisation } from './directory-operations';
import { bootstrapDataDir, DnsccServer, newDataDir } from './dnscc-server';
import type { GraphqlClient } from './graphql-client';
import { aReport, REPORT, TRIAGE } from './incident-operations';
import { ESCALATE, type Escalation, readIncident, type SlaIncident } from './sla-operations';

/**
 * Helpers of the SLA clock suites: a server on a short SLA policy (seconds, round the clock), a
 * registrar and a .com registry with one member each, and bounded polling of an incident.
 */

/** An SLA_POLICY file's content: `default` and `rows` as in docs (durations ISO 8601). */
export interface SlaPolicyFile {
  default?: Record<string, unknown>;
  rows?: Record<string, unknown>[];
  reminderFractions?: number[];
}

export interface SlaServer {
  readonly server: DnsccServer;
  readonly coordinator: GraphqlClient;
}

/**
 * Starts the built server with `policy` written to a file in its data directory (deleted with it by
 * `dispose()`) and a reconciliation pass every 500 ms.
 */
export async function startSlaServer(policy: SlaPolicyFile, env: NodeJS.ProcessEnv = {}): Promise<SlaServer> {
  const dataDir = newDataDir();
  const fullEnv = { ...slaEnv(dataDir, policy), ...env };
  const token = bootstrapDataDir(dataDir, fullEnv);
  const server = await DnsccServer.start({ dataDir, env: fullEnv });
  return { server, coordinator: server.client(token) };
}

/** SLA_POLICY (written into `dataDir`) and a short reconciliation interval, for a server or a worker. */
export function slaEnv(dataDir: string, policy: SlaPolicyFile): NodeJS.ProcessEnv {
  const file = path.join(dataDir, 'sla-policy.json');
  writeFileSync(file, JSON.stringify(policy));
  return { SLA_POLICY: file, SLA_RECONCILE_INTERVAL_MS: '500', RDAP_ENABLED: 'false' };
}

export interface Parties {
  /** The REGISTRY covering com: in the routing chain of every x.com domain, before the centre. */
  readonly registry: Organisation;
  /** A REGISTRAR by IANA id; with RDAP off, routing never names it, so escalations name it. */
  readonly registrar: Organisation;
  readonly centreId: string;
  readonly registryMember: GraphqlClient;
  readonly registrarMember: GraphqlClient;
}

export async function setUpParties(server: DnsccServer, coordinator: GraphqlClient): Promise<Parties> {
  const { me } = await coordinator.expectData<{ me: { member: { organisationId: string } } }>(ME);
  const registry = await registerOrganisation(coordinator, {
    kind: 'REGISTRY',
    name: 'Test .com Registry',
    coverage: { tlds: ['com'] },
  });
  const registrar = await registerOrganisation(coordinator, {
    kind: 'REGISTRAR',
    name: 'Example Registrar',
    coverage: { ianaId: 9999 },
  });
  const registryMember = await addMemberWithToken(coordinator, registry.id, 'Rita Registry', false);
  const registrarMember = await addMemberWithToken(coordinator, registrar.id, 'Ray Registrar', false);
  return {
    registry,
    registrar,
    centreId: me.member.organisationId,
    registryMember: server.client(registryMember.token),
    registrarMember: server.client(registrarMember.token),
  };
}

/** Reports an incident about `domain` (optionally triaged) and waits until routing recorded its chain. */
export async function reportRouted(
  coordinator: GraphqlClient,
  domain: string,
  severity?: string,
): Promise<string> {
  const { reportIncident } = await coordinator.expectData<{ reportIncident: { incident: { id: string } } }>(
    REPORT,
    { input: aReport({ domains: [domain], urls: [] }) },
  );
  const { id } = reportIncident.incident;
  if (severity) await coordinator.expectData(TRIAGE, { input: { incidentId: id, severity } });
  await waitForIncident(
    coordinator,
    id,
    (incident) => incident.routing.some((r) => r.chain.some((p) => p.role === 'REGISTRY')),
    'routed to the registry',
  );
  return id;
}

export async function escalate(
  client: GraphqlClient,
  incidentId: string,
  organisationId: string,
  requestType = 'TAKEDOWN',
): Promise<Escalation> {
  const data = await client.expectData<{ escalateIncident: { escalation: Escalation } }>(ESCALATE, {
    input: { incidentId, organisationId, requestType, message: 'Please suspend this phishing domain' },
  });
  return data.escalateIncident.escalation;
}

/**
 * Polls the incident every 100 ms until `done` holds; fails after `timeoutMs` naming what it waited
 * for and showing the timeline, so a missing timer reads as such rather than as a jest timeout.
 */
export async function waitForIncident(
  client: GraphqlClient,
  id: string,
  done: (incident: SlaIncident) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<SlaIncident> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const incident = await readIncident(client, id);
    if (done(incident)) return incident;
    if (Date.now() > deadline) {
      const lines = incident.timeline.map((e) => `  ${e.occurredAt} ${e.type}: ${e.summary}`);
      throw new Error(`incident ${id} not ${what} after ${timeoutMs} ms; timeline:\n${lines.join('\n')}`);
    }
    await sleep(100);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sleeps until the wall clock passes `instant` (an ISO time) plus `marginMs`. */
export async function sleepPast(instant: string, marginMs: number): Promise<void> {
  await sleep(Math.max(0, Date.parse(instant) + marginMs - Date.now()));
}

export const typesOf = (incident: SlaIncident): string[] => incident.timeline.map((e) => e.type);

export const countOf = (incident: SlaIncident, type: string): number =>
  incident.timeline.filter((e) => e.type === type).length;

const CLOCK_OF_SUMMARY: Record<string, string> = {
  acknowledgement: 'ACKNOWLEDGEMENT',
  action: 'ACTION',
};

/** `L<level> CLOCK@dueAt`: one deadline of one escalation (`L?` when no escalation has it). */
const deadlineKey = (incident: SlaIncident, clock: string, dueAt: string): string => {
  const owner = incident.escalations.find((e) =>
    e.clocks.some((c) => c.clock === clock && c.dueAt === dueAt),
  );
  return `L${owner?.level ?? '?'} ${clock}@${dueAt}`;
};

/**
 * How many SlaBreached entries name each deadline, keyed as `deadlineKey`. The summary carries the
 * clock and its deadline; the escalation is the one whose clock has that deadline.
 */
export function breachesByDeadline(incident: SlaIncident): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of incident.timeline.filter((e) => e.type === 'SlaBreached')) {
    const match = /^(acknowledgement|action) deadline (\S+) passed/.exec(entry.summary);
    if (!match) throw new Error(`unexpected SlaBreached summary: ${entry.summary}`);
    const key = deadlineKey(incident, CLOCK_OF_SUMMARY[match[1] ?? ''] ?? '?', match[2] ?? '?');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** How many SlaReminderIssued entries name each reminder, keyed `CLOCK@dueAt@percent`. */
export function remindersByDeadline(incident: SlaIncident): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of incident.timeline.filter((e) => e.type === 'SlaReminderIssued')) {
    const match = /^Reminder: (\d+)% of the (acknowledgement|action) time used \(due (\S+)\)/.exec(
      entry.summary,
    );
    if (!match) throw new Error(`unexpected SlaReminderIssued summary: ${entry.summary}`);
    const key = `${CLOCK_OF_SUMMARY[match[2] ?? ''] ?? '?'}@${match[3] ?? '?'}@${match[1] ?? '?'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The deadlines of every clock the escalations show as BREACHED, keyed as `breachesByDeadline`. */
export const breachedClocks = (incident: SlaIncident): string[] =>
  incident.escalations.flatMap((e) =>
    e.clocks.filter((c) => c.state === 'BREACHED').map((c) => `L${e.level} ${c.clock}@${c.dueAt}`),
  );

/** Clocks still counting (RUNNING or PAUSED) anywhere in the incident. */
export const countingClocks = (incident: SlaIncident): string[] =>
  incident.escalations.flatMap((e) =>
    e.clocks
      .filter((c) => c.state === 'RUNNING' || c.state === 'PAUSED')
      .map((c) => `${e.party.name}/${c.clock}`),
  );

/** The latest deadline of any clock of the incident's escalations. */
export const latestDueAt = (incident: SlaIncident): string =>
  incident.escalations.flatMap((e) => e.clocks.map((c) => c.dueAt)).reduce((a, b) => (a > b ? a : b), '');
