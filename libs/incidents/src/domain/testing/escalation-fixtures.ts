import type { EscalationRequest } from '../escalation.commands';
import type { ClockSchedule, EscalationParty, EscalationSent } from '../escalation.events';

/** Builders for escalation specs: a registrar asked first, then the registry and the centre. */

export const ESCALATION_ID = '01900000-0000-7000-8000-0000000000e1';
export const NEXT_ESCALATION_ID = '01900000-0000-7000-8000-0000000000e2';

export const REGISTRAR: EscalationParty = {
  organisationId: 'org-registrar',
  name: 'Registrar A',
  kind: 'REGISTRAR',
};
export const REGISTRY: EscalationParty = {
  organisationId: 'org-registry',
  name: 'Registry',
  kind: 'REGISTRY',
};
export const CENTRE: EscalationParty = {
  organisationId: 'org-centre',
  name: 'dnscc',
  kind: 'COORDINATION_CENTRE',
};

export const SENT_AT = '2026-11-27T10:00:00.000Z';
export const ACK_DUE = '2026-11-28T10:00:00.000Z';
export const ACTION_DUE = '2026-11-30T10:00:00.000Z';

export const clocks = (ackDue = ACK_DUE, actionDue = ACTION_DUE, startedAt = SENT_AT): ClockSchedule[] => [
  {
    clock: 'ACKNOWLEDGEMENT',
    startedAt,
    dueAt: ackDue,
    reminders: [{ fraction: 0.5, at: '2026-11-27T22:00:00.000Z' }],
  },
  { clock: 'ACTION', startedAt, dueAt: actionDue, reminders: [] },
];

export function escalationRequest(overrides: Partial<EscalationRequest> = {}): EscalationRequest {
  return {
    escalationId: ESCALATION_ID,
    party: REGISTRAR,
    requestType: 'TAKEDOWN',
    domains: ['login-paypa1.com'],
    message: null,
    clocks: clocks(),
    nextParties: [REGISTRY, CENTRE],
    reporterVerifiedCsirt: true,
    awaitingApproval: false,
    ...overrides,
  };
}

export function escalationSent(
  request: EscalationRequest = escalationRequest(),
  level = 1,
  previous: string | null = null,
): EscalationSent {
  const { escalationId, ...rest } = request;
  return { type: 'EscalationSent', data: { escalationId, ...rest, level, previousEscalationId: previous } };
}
