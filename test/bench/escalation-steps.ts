import { type Actor, systemActor } from '@app/core';
import type { EscalationCommand } from '../../libs/incidents/src/domain/escalation.commands';
import type { EscalationParty } from '../../libs/incidents/src/domain/escalation.events';
import type { IncidentCommand } from '../../libs/incidents/src/domain/incident.commands';
import type { ExistingIncident } from '../../libs/incidents/src/domain/incident.state';
import { clocksAt, resumedClocks } from './scenario-clocks';
import { CENTRE, coordinator, member, REGISTRY, reporterOf } from './scenario-parties';
import type { IncidentIds, ScenarioStep, Step } from './scenario-step';

/** The escalation commands of the scenarios: to whom, with which clocks, and each party's answer. */

const escalationOf = (state: ExistingIncident, id: string) => {
  const escalation = state.escalations[id];
  if (!escalation) throw new Error(`scenario bug: no escalation ${id}`);
  return escalation;
};

export function escalate(
  index: 0 | 1,
  to: (ids: IncidentIds) => EscalationParty,
  awaitingApproval = false,
): Step {
  return (ids, state, now) => {
    const target = to(ids);
    const next = [REGISTRY, CENTRE].filter((p) => p.organisationId !== target.organisationId);
    const command: EscalationCommand = {
      type: 'EscalateIncident',
      escalationId: ids.escalationIds[index],
      party: target,
      requestType: 'TAKEDOWN',
      domains: [state.domains[0] ?? ''],
      message: `Please suspend ${state.domains[0] ?? ''}: credential phishing confirmed by the centre`,
      clocks: clocksAt(target.kind, state.severity, 'TAKEDOWN', now),
      nextParties: next,
      reporterVerifiedCsirt: ids.n % 3 !== 0,
      awaitingApproval,
    };
    return { command, actor: coordinator(ids), at: now };
  };
}

const partyOf = (state: ExistingIncident, id: string): Actor =>
  member(escalationOf(state, id).party.organisationId, state.domains.length);

export const acknowledge =
  (index: 0 | 1): Step =>
  (ids, state, now) => ({
    command: { type: 'AcknowledgeEscalation', escalationId: ids.escalationIds[index], at: now.toISOString() },
    actor: partyOf(state, ids.escalationIds[index]),
    at: now,
  });

export const takedown =
  (index: 0 | 1, action: 'CLIENT_HOLD' | 'SERVER_HOLD' | 'SUSPENDED'): Step =>
  (ids, state, now) => ({
    command: {
      type: 'RecordTakedownAction',
      escalationId: ids.escalationIds[index],
      action,
      evidence: `Ticket ABUSE-${ids.n}`,
      at: now.toISOString(),
    },
    actor: partyOf(state, ids.escalationIds[index]),
    at: now,
  });

/** The first reminder of the first escalation's acknowledgement clock, issued when it falls due. */
export const reminder: Step = (ids, state) => {
  const clock = escalationOf(state, ids.escalationIds[0]).clocks.find((c) => c.clock === 'ACKNOWLEDGEMENT');
  const due = clock?.reminders[0];
  if (!clock || !due) throw new Error('scenario bug: no acknowledgement reminder');
  const command: IncidentCommand = {
    type: 'RecordSlaReminder',
    escalationId: ids.escalationIds[0],
    clock: 'ACKNOWLEDGEMENT',
    fraction: due.fraction,
    dueAt: clock.dueAt,
    at: due.at,
  };
  return { command, actor: systemActor, at: new Date(due.at) };
};

/** The registrar let the acknowledgement deadline pass: the registry is asked next. */
export const breach: Step = (ids, state) => {
  const clock = escalationOf(state, ids.escalationIds[0]).clocks.find((c) => c.clock === 'ACKNOWLEDGEMENT');
  if (!clock) throw new Error('scenario bug: no acknowledgement clock');
  const at = new Date(Date.parse(clock.dueAt) + 60_000);
  const next = escalate(1, () => REGISTRY)(ids, state, at).command as Extract<
    EscalationCommand,
    { type: 'EscalateIncident' }
  >;
  const { type: _type, ...request } = next;
  const command: IncidentCommand = {
    type: 'RecordSlaBreach',
    escalationId: ids.escalationIds[0],
    clock: 'ACKNOWLEDGEMENT',
    dueAt: clock.dueAt,
    at: at.toISOString(),
    next: request,
  };
  return { command, actor: systemActor, at };
};

export const askForMore: Step = (ids, state, now) => ({
  command: {
    type: 'RequestMoreInformation',
    escalationId: ids.escalationIds[0],
    question: 'Which URL serves the kit?',
    at: now.toISOString(),
  },
  actor: partyOf(state, ids.escalationIds[0]),
  at: now,
});

/** The reporter answers: paused clocks resume with the time they had left, as the planner computes it. */
export const answer: Step = (ids, state, now) => ({
  command: {
    type: 'ProvideInformation',
    escalationId: ids.escalationIds[0],
    answer: `https://${state.domains[0] ?? ''}/secure/login.php`,
    at: now.toISOString(),
    resumed: resumedClocks(escalationOf(state, ids.escalationIds[0]), state.severity, now),
  },
  actor: member(reporterOf(ids).organisationId, ids.n),
  at: now,
});

export const approve: Step = (ids, state, now) => ({
  command: {
    type: 'ApproveEscalation',
    escalationId: ids.escalationIds[0],
    at: now.toISOString(),
    clocks: clocksAt('REGISTRAR', state.severity, 'TAKEDOWN', now),
  },
  actor: coordinator(ids),
  at: now,
});

export function decline(ids: IncidentIds, state: ExistingIncident, now: Date): ScenarioStep {
  return {
    command: {
      type: 'DeclineTakedown',
      escalationId: ids.escalationIds[0],
      reasonCode: 'INSUFFICIENT_EVIDENCE',
      reason: 'The page shows a parked domain',
      at: now.toISOString(),
    },
    actor: partyOf(state, ids.escalationIds[0]),
    at: now,
  };
}
