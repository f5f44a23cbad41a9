import type { DnsccServer } from './support/dnscc-server';
import type { GraphqlClient } from './support/graphql-client';
import { RESOLVE } from './support/incident-operations';
import {
  breachesByDeadline,
  countingClocks,
  countOf,
  escalate,
  latestDueAt,
  type Parties,
  remindersByDeadline,
  reportRouted,
  setUpParties,
  sleepPast,
  startSlaServer,
  waitForIncident,
} from './support/sla-fixture';
import {
  escalationChange,
  PROVIDE_INFO,
  readIncident,
  REQUEST_INFO,
  type SlaIncident,
  WITHDRAW,
} from './support/sla-operations';

/** 4 s to acknowledge, 8 s to act, reminders at 50% and 90%, for every party. */
const POLICY = { default: { acknowledgeWithin: 'PT4S', actWithin: 'PT8S', businessHours: false } };

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

const clockOf = (incident: SlaIncident, escalationId: string, clock: string) =>
  incident.escalations.find((e) => e.id === escalationId)?.clocks.find((c) => c.clock === clock);

describe('a question to the reporter', () => {
  it('pauses the clocks, and the breach comes at the deadline moved by the pause', async () => {
    const { registrar, registrarMember } = parties;
    const incidentId = await reportRouted(coordinator, 'needs-more-info.com');
    const sent = await escalate(coordinator, incidentId, registrar.id);
    const [ack, act] = sent.clocks;
    const originalDue = ack?.dueAt ?? '';
    // The half-way reminder comes before the question; the 90% one would be due while paused.
    const reminded = await waitForIncident(
      coordinator,
      incidentId,
      (incident) => countOf(incident, 'SlaReminderIssued') > 0,
      'reminded',
    );
    expect([...remindersByDeadline(reminded).keys()]).toEqual([`ACKNOWLEDGEMENT@${originalDue}@50`]);

    const asked = await escalationChange(registrarMember, REQUEST_INFO, {
      escalationId: sent.id,
      question: 'Which URL serves the phishing kit?',
    });
    expect(asked).toMatchObject({
      status: 'AWAITING_INFORMATION',
      question: 'Which URL serves the phishing kit?',
    });
    expect(asked.clocks.map((c) => c.state)).toEqual(['PAUSED', 'PAUSED']);
    const pausedAt = asked.clocks[0]?.pausedAt ?? '';
    expect(Date.parse(pausedAt)).toBeLessThan(Date.parse(originalDue));

    // Well past the original acknowledgement deadline, and past the point its 90% reminder was due.
    await sleepPast(originalDue, 2_500);
    const paused = await readIncident(coordinator, incidentId);
    expect(paused.version).toBe(reminded.version + 1);
    expect(paused.escalations).toHaveLength(1);
    expect(paused.escalations[0]?.clocks.map((c) => c.state)).toEqual(['PAUSED', 'PAUSED']);

    const answered = await escalationChange(coordinator, PROVIDE_INFO, {
      escalationId: sent.id,
      answer: 'https://needs-more-info.com/kit/',
    });
    const resumedAt = Date.now();
    expect(answered).toMatchObject({ status: 'OPEN', answer: 'https://needs-more-info.com/kit/' });
    expect(answered.clocks.map((c) => c.state)).toEqual(['RUNNING', 'RUNNING']);
    const [newAck, newAct] = answered.clocks;
    const newDue = newAck?.dueAt ?? '';
    // The clock keeps the time it had left when the question came.
    const left = Date.parse(originalDue) - Date.parse(pausedAt);
    expect(Date.parse(newDue)).toBeGreaterThan(Date.parse(originalDue));
    expect(Math.abs(Date.parse(newDue) - (resumedAt + left))).toBeLessThan(1_000);
    expect(Date.parse(newAct?.dueAt ?? '') - Date.parse(act?.dueAt ?? '')).toBe(
      Date.parse(newDue) - Date.parse(originalDue),
    );
    expect(newAck?.remindersIssued).toEqual([0.5]);

    const breached = await waitForIncident(
      coordinator,
      incidentId,
      (incident) => incident.escalations.length === 2,
      'breached after the resume',
    );
    const breach = breached.timeline.filter((e) => e.type === 'SlaBreached');
    expect(breach).toHaveLength(1);
    expect([...breachesByDeadline(breached).keys()]).toEqual([`L1 ACKNOWLEDGEMENT@${newDue}`]);
    expect(Date.parse(breach[0]?.occurredAt ?? '')).toBeGreaterThanOrEqual(Date.parse(newDue));
    expect(clockOf(breached, sent.id, 'ACKNOWLEDGEMENT')).toMatchObject({
      state: 'BREACHED',
      remindersIssued: [0.5, 0.9],
    });
    expect(breached.escalations[1]).toMatchObject({ level: 2, party: { kind: 'REGISTRY' } });
    // The reminder sent before the pause is not sent again; the 90% one comes after the resume.
    const ackReminders = [...remindersByDeadline(breached).entries()].filter(([key]) =>
      key.startsWith('ACKNOWLEDGEMENT'),
    );
    expect(ackReminders).toEqual([
      [`ACKNOWLEDGEMENT@${originalDue}@50`, 1],
      [`ACKNOWLEDGEMENT@${newDue}@90`, 1],
    ]);
    const lastCall = breached.timeline.find((e) => e.summary.includes(`90% of the acknowledgement`));
    expect(Date.parse(lastCall?.occurredAt ?? '')).toBeGreaterThanOrEqual(resumedAt - 500);
  });
});

describe('withdrawal and resolution', () => {
  it('stop every clock: no reminder and no breach afterwards', async () => {
    const { registrar } = parties;
    const withdrawnId = await reportRouted(coordinator, 'withdrawn-request.com');
    const resolvedId = await reportRouted(coordinator, 'resolved-incident.com');
    const toWithdraw = await escalate(coordinator, withdrawnId, registrar.id);
    await escalate(coordinator, resolvedId, registrar.id);
    // Both clocks run: the first reminder (50% of the acknowledgement time) shows it.
    const reminded = (incident: SlaIncident) => incident.timeline.some((e) => e.type === 'SlaReminderIssued');
    await waitForIncident(coordinator, withdrawnId, reminded, 'reminded');
    await waitForIncident(coordinator, resolvedId, reminded, 'reminded');

    const withdrawn = await escalationChange(coordinator, WITHDRAW, {
      escalationId: toWithdraw.id,
      reason: 'The reporter found it was a false positive',
    });
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(withdrawn.clocks.map((c) => c.state)).toEqual(['STOPPED', 'STOPPED']);
    await coordinator.expectData(RESOLVE, {
      input: { incidentId: resolvedId, outcome: 'MITIGATED', note: 'Taken down by the hosting provider' },
    });

    const stopped = await Promise.all([withdrawnId, resolvedId].map((id) => readIncident(coordinator, id)));
    for (const incident of stopped) expect(countingClocks(incident)).toEqual([]);
    expect(stopped[1]?.status).toBe('RESOLVED');
    expect(stopped[1]?.escalations[0]?.clocks.map((c) => c.state)).toEqual(['STOPPED', 'STOPPED']);

    const latest = [latestDueAt(stopped[0] as SlaIncident), latestDueAt(stopped[1] as SlaIncident)].sort();
    await sleepPast(latest[1] ?? '', 1_500);
    for (const before of stopped) {
      const after = await readIncident(coordinator, before.id);
      expect(after.timeline.slice(before.timeline.length).map((e) => e.type)).toEqual([]);
      expect(after.timeline.filter((e) => e.type === 'SlaBreached')).toEqual([]);
      expect(after.escalations).toHaveLength(1);
    }
  });
});
