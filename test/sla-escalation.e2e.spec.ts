import type { DnsccServer } from './support/dnscc-server';
import type { GraphqlClient } from './support/graphql-client';
import {
  escalate,
  latestDueAt,
  type Parties,
  remindersByDeadline,
  reportRouted,
  setUpParties,
  sleepPast,
  startSlaServer,
  typesOf,
  waitForIncident,
} from './support/sla-fixture';
import {
  ACKNOWLEDGE,
  escalationChange,
  myEscalations,
  PROVIDE_INFO,
  readIncident,
  RECORD_ACTION,
  REQUEST_INFO,
  WITHDRAW,
} from './support/sla-operations';

/**
 * Escalations on the SLA clock, end to end on a real Redis: the registrar has 2 s to acknowledge
 * (reminders at 50% and 90%), the registry 6 s, INVESTIGATE and INFORMATION requests an hour or
 * more (so the inbox and authorisation checks run on clocks that do not move under them).
 */
const POLICY = {
  default: { acknowledgeWithin: 'PT2S', actWithin: 'PT10S', businessHours: false },
  rows: [
    { kind: 'REGISTRY', acknowledgeWithin: 'PT6S', actWithin: 'PT8S' },
    { requestType: 'INVESTIGATE', acknowledgeWithin: 'PT1H', actWithin: 'PT2H' },
    { requestType: 'INFORMATION', acknowledgeWithin: 'PT30M', actWithin: 'PT1H' },
  ],
};

jest.setTimeout(90_000);

let server: DnsccServer | undefined;
let coordinator: GraphqlClient;
let parties: Parties;

beforeAll(async () => {
  const started = await startSlaServer(POLICY);
  ({ server, coordinator } = started);
  parties = await setUpParties(started.server, coordinator);
});

afterAll(async () => {
  await server?.dispose();
});

describe('an escalation nobody answers', () => {
  it('reminds, breaches, climbs to the registry, and stops once the registry acts', async () => {
    const { registrar, registry, centreId, registryMember } = parties;
    const incidentId = await reportRouted(coordinator, 'silent-registrar.com');
    const first = await escalate(coordinator, incidentId, registrar.id);
    expect(first).toMatchObject({ status: 'OPEN', level: 1, party: { organisationId: registrar.id } });
    expect(first.nextParties.map((p) => p.organisationId)).toEqual([registry.id, centreId]);
    expect(first.clocks.map((c) => [c.clock, c.state])).toEqual([
      ['ACKNOWLEDGEMENT', 'RUNNING'],
      ['ACTION', 'RUNNING'],
    ]);
    const ackDue = first.clocks[0]?.dueAt ?? '';
    expect(Date.parse(ackDue) - Date.parse(first.clocks[0]?.startedAt ?? '')).toBe(2_000);

    const climbed = await waitForIncident(
      coordinator,
      incidentId,
      (incident) => incident.escalations.length === 2,
      'escalated to the next party',
    );
    const [silent, second] = climbed.escalations;
    expect(silent).toMatchObject({ id: first.id, escalatedTo: second?.id, status: 'OPEN' });
    expect(silent?.clocks.map((c) => [c.clock, c.state])).toEqual([
      ['ACKNOWLEDGEMENT', 'BREACHED'],
      ['ACTION', 'STOPPED'],
    ]);
    expect(silent?.clocks[0]?.remindersIssued).toEqual([0.5, 0.9]);
    expect(second).toMatchObject({
      level: 2,
      status: 'OPEN',
      previousEscalationId: first.id,
      party: { organisationId: registry.id, kind: 'REGISTRY' },
    });
    expect(second?.nextParties.map((p) => p.organisationId)).toEqual([centreId]);
    const breach = climbed.timeline.find((e) => e.type === 'SlaBreached');
    expect(breach?.summary).toContain(ackDue);
    expect(Date.parse(breach?.occurredAt ?? '')).toBeGreaterThanOrEqual(Date.parse(ackDue));
    for (const clock of second?.clocks ?? []) {
      expect(clock.state).toBe('RUNNING');
      expect(clock.remindersIssued).toEqual([]);
      expect(Date.parse(clock.startedAt)).toBeGreaterThanOrEqual(Date.parse(ackDue));
      const within = clock.clock === 'ACKNOWLEDGEMENT' ? 6_000 : 8_000;
      expect(Date.parse(clock.dueAt) - Date.parse(clock.startedAt)).toBe(within);
    }

    const secondId = second?.id ?? '';
    const acknowledged = await escalationChange(registryMember, ACKNOWLEDGE, { escalationId: secondId });
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
    expect(acknowledged.clocks.map((c) => c.state)).toEqual(['MET', 'RUNNING']);
    const actioned = await escalationChange(registryMember, RECORD_ACTION, {
      escalationId: secondId,
      action: 'CLIENT_HOLD',
      evidence: 'RDAP status clientHold since 10:02 UTC',
    });
    expect(actioned).toMatchObject({ status: 'ACTIONED', action: { action: 'CLIENT_HOLD' } });
    expect(actioned.clocks.map((c) => c.state)).toEqual(['MET', 'MET']);

    const settled = await readIncident(coordinator, incidentId);
    expect(settled.escalations.flatMap((e) => e.clocks.filter((c) => c.state === 'RUNNING'))).toEqual([]);
    // Past every deadline any clock ever had, nothing more happens.
    await sleepPast(latestDueAt(settled), 1_500);
    const later = await readIncident(coordinator, incidentId);
    expect(later.version).toBe(settled.version);

    const escalationPart = typesOf(later).slice(typesOf(later).indexOf('EscalationSent'));
    expect(typesOf(later).slice(0, 2)).toEqual(['IncidentReported', 'IncidentRouted']);
    expect(escalationPart).toEqual([
      'EscalationSent',
      'SlaReminderIssued',
      'SlaReminderIssued',
      'SlaBreached',
      'EscalatedToNextParty',
      'EscalationSent',
      'EscalationAcknowledged',
      'TakedownActionRecorded',
    ]);
    expect([...remindersByDeadline(later).keys()]).toEqual([
      `ACKNOWLEDGEMENT@${ackDue}@50`,
      `ACKNOWLEDGEMENT@${ackDue}@90`,
    ]);
    // Never early: each reminder comes at or after the time the clock set for it.
    const reminderTimes = later.timeline
      .filter((e) => e.type === 'SlaReminderIssued')
      .map((e) => e.occurredAt);
    const planned = first.clocks[0]?.reminders.map((r) => r.at) ?? [];
    expect(planned.map((at) => Date.parse(at) - Date.parse(first.clocks[0]?.startedAt ?? ''))).toEqual([
      1_000, 1_800,
    ]);
    reminderTimes.forEach((at, i) => {
      expect(Date.parse(at)).toBeGreaterThanOrEqual(Date.parse(planned[i] ?? ''));
    });
    const times = later.timeline.map((e) => e.occurredAt);
    expect([...times].sort()).toEqual(times);
  });
});

describe('who may answer an escalation, and the inbox', () => {
  it('refuses answers from members of another organisation and changes nothing', async () => {
    const { registry, registrarMember, registryMember } = parties;
    const incidentId = await reportRouted(coordinator, 'wrong-party.com', 'HIGH');
    const toRegistry = await escalate(coordinator, incidentId, registry.id, 'INVESTIGATE');
    const before = await readIncident(coordinator, incidentId);

    // The registrar is not involved in this AMBER incident, so to it the escalation does not exist;
    // the registry is involved but answers for the party, not for the reporter.
    const attempts: [string, GraphqlClient, string, Record<string, unknown>, string][] = [
      ['registrar acknowledges', registrarMember, ACKNOWLEDGE, {}, 'NOT_FOUND'],
      ['registrar asks', registrarMember, REQUEST_INFO, { question: 'Which URL?' }, 'NOT_FOUND'],
      [
        'registrar acts',
        registrarMember,
        RECORD_ACTION,
        { action: 'CLIENT_HOLD', evidence: 'x' },
        'NOT_FOUND',
      ],
      [
        'registry answers for the reporter',
        registryMember,
        PROVIDE_INFO,
        { answer: 'This one' },
        'FORBIDDEN',
      ],
      ['registry withdraws', registryMember, WITHDRAW, { reason: 'Not ours' }, 'FORBIDDEN'],
    ];
    for (const [what, client, mutation, input, code] of attempts) {
      const error = await client.expectError(mutation, { input: { escalationId: toRegistry.id, ...input } });
      expect([what, error.extensions?.code]).toEqual([what, code]);
    }

    const after = await readIncident(coordinator, incidentId);
    expect(after.version).toBe(before.version);
    expect(after.escalations).toEqual(before.escalations);
    expect(after.escalations[0]).toMatchObject({ status: 'OPEN', acknowledgedAt: null });
    expect((await myEscalations(registrarMember)).edges.map((e) => e.node.escalation.id)).not.toContain(
      toRegistry.id,
    );
  });

  it("lists only the caller organisation's open escalations, most urgent first", async () => {
    const { registrar, registry, registrarMember, registryMember } = parties;
    const toRegistrar = async (domain: string, severity: string | undefined, requestType: string) =>
      (
        await escalate(
          coordinator,
          await reportRouted(coordinator, domain, severity),
          registrar.id,
          requestType,
        )
      ).id;
    const low = await toRegistrar('inbox-low.com', 'LOW', 'INVESTIGATE');
    const critical = await toRegistrar('inbox-critical.com', 'CRITICAL', 'INVESTIGATE');
    const untriaged = await toRegistrar('inbox-untriaged.com', undefined, 'INVESTIGATE');
    const highLater = await toRegistrar('inbox-high-a.com', 'HIGH', 'INVESTIGATE');
    // Sent after highLater, but due sooner (INFORMATION: 30 min to acknowledge, not an hour).
    const highSooner = await toRegistrar('inbox-high-b.com', 'HIGH', 'INFORMATION');
    const withdrawn = await toRegistrar('inbox-withdrawn.com', 'CRITICAL', 'INVESTIGATE');
    await escalationChange(coordinator, WITHDRAW, { escalationId: withdrawn, reason: 'Reported in error' });
    const registryOnly = await escalate(
      coordinator,
      await reportRouted(coordinator, 'inbox-registry.com', 'CRITICAL'),
      registry.id,
      'INVESTIGATE',
    );

    const inbox = await myEscalations(registrarMember, {
      filter: { requestType: ['INVESTIGATE', 'INFORMATION'] },
    });
    const ids = inbox.edges.map((e) => e.node.escalation.id);
    const ours = [critical, highSooner, highLater, untriaged, low];
    // Earlier tests may have left registrar escalations behind; only these five are INVESTIGATE/INFORMATION.
    expect(ids).toEqual(ours);
    expect(inbox.totalCount).toBe(5);
    expect(inbox.edges.map((e) => e.node.severity)).toEqual(['CRITICAL', 'HIGH', 'HIGH', null, 'LOW']);
    expect(inbox.edges.every((e) => e.node.escalation.party.organisationId === registrar.id)).toBe(true);
    const [sooner = '', later = ''] = inbox.edges.slice(1, 3).map((e) => e.node.nextDueAt ?? '');
    expect(sooner < later).toBe(true);

    const everything = await myEscalations(registrarMember, { first: 100 });
    const all = everything.edges.map((e) => e.node.escalation);
    expect(all.every((e) => e.party.organisationId === registrar.id)).toBe(true);
    expect(all.map((e) => e.id)).not.toContain(withdrawn);
    expect(all.map((e) => e.id)).not.toContain(registryOnly.id);

    const registryInbox = await myEscalations(registryMember, { first: 100 });
    const registryIds = registryInbox.edges.map((e) => e.node.escalation.id);
    expect(registryIds).toContain(registryOnly.id);
    expect(registryIds.filter((id) => ours.includes(id))).toEqual([]);
    expect(registryInbox.edges.every((e) => e.node.escalation.party.organisationId === registry.id)).toBe(
      true,
    );
  });
});
