import { InvalidInputError } from '@app/core';
import type { EscalationCommand, EscalationRequest } from './escalation.commands';
import {
  AlreadyEscalatedError,
  EscalationClosedError,
  EscalationNotFoundError,
  NotAwaitingInformationError,
} from './escalation.errors';
import type { EscalationEvent } from './escalation.events';
import { type EscalationState, isClosedEscalation } from './escalation.state';
import { IncidentAlreadyResolvedError } from './incident.errors';
import type { ExistingIncident } from './incident.state';

type Events = readonly EscalationEvent[];

/**
 * Decides escalation commands on an existing incident. Timer commands (reminders, breaches) are
 * checked against the clock's current schedule, so a duplicate, late or stale timer decides nothing.
 */
export function decideEscalation(command: EscalationCommand, state: ExistingIncident): Events {
  if (command.type === 'EscalateIncident') {
    const { type: _type, ...request } = command;
    return escalate(request, state, 1, null);
  }
  const escalation = state.escalations[command.escalationId];
  if (!escalation) throw new EscalationNotFoundError(command.escalationId);
  switch (command.type) {
    case 'ApproveEscalation':
      if (escalation.status !== 'PENDING_APPROVAL') return [];
      return [
        {
          type: 'EscalationApproved',
          data: { escalationId: escalation.escalationId, approvedAt: command.at, clocks: command.clocks },
        },
      ];
    case 'AcknowledgeEscalation':
      requireApproved(escalation, 'acknowledge');
      if (escalation.status !== 'OPEN') return [];
      return [
        {
          type: 'EscalationAcknowledged',
          data: { escalationId: escalation.escalationId, acknowledgedAt: command.at },
        },
      ];
    case 'RequestMoreInformation':
      requireAnswerable(escalation, 'request more information on');
      if (escalation.status === 'AWAITING_INFORMATION') return [];
      return [
        {
          type: 'MoreInfoRequested',
          data: {
            escalationId: escalation.escalationId,
            question: command.question,
            requestedAt: command.at,
          },
        },
      ];
    case 'ProvideInformation':
      if (escalation.status !== 'AWAITING_INFORMATION')
        throw new NotAwaitingInformationError(escalation.escalationId);
      return [
        {
          type: 'InfoProvided',
          data: {
            escalationId: escalation.escalationId,
            answer: command.answer,
            providedAt: command.at,
            clocks: command.resumed,
          },
        },
      ];
    case 'RecordTakedownAction':
      requireAnswerable(escalation, 'record an action on');
      return [
        {
          type: 'TakedownActionRecorded',
          data: {
            escalationId: escalation.escalationId,
            action: command.action,
            evidence: command.evidence,
            recordedAt: command.at,
          },
        },
      ];
    case 'DeclineTakedown':
      requireAnswerable(escalation, 'decline');
      return [
        {
          type: 'TakedownDeclined',
          data: {
            escalationId: escalation.escalationId,
            reasonCode: command.reasonCode,
            reason: command.reason,
            declinedAt: command.at,
          },
        },
      ];
    case 'WithdrawEscalation':
      if (escalation.status === 'WITHDRAWN') return [];
      requireAnswerable(escalation, 'withdraw');
      return [
        {
          type: 'EscalationWithdrawn',
          data: { escalationId: escalation.escalationId, reason: command.reason, withdrawnAt: command.at },
        },
      ];
    case 'RecordSlaReminder': {
      const clock = runningClock(escalation, command.clock, command.dueAt);
      if (!clock || clock.remindersIssued.includes(command.fraction)) return [];
      const { escalationId } = escalation;
      return [
        {
          type: 'SlaReminderIssued',
          data: {
            escalationId,
            clock: command.clock,
            fraction: command.fraction,
            dueAt: command.dueAt,
            issuedAt: command.at,
          },
        },
      ];
    }
    case 'RecordSlaBreach': {
      if (!runningClock(escalation, command.clock, command.dueAt) || command.at < command.dueAt) return [];
      const breached: EscalationEvent = {
        type: 'SlaBreached',
        data: {
          escalationId: escalation.escalationId,
          clock: command.clock,
          dueAt: command.dueAt,
          breachedAt: command.at,
        },
      };
      if (!command.next || state.status === 'RESOLVED') return [breached];
      return [
        breached,
        {
          type: 'EscalatedToNextParty',
          data: {
            fromEscalationId: escalation.escalationId,
            toEscalationId: command.next.escalationId,
            to: command.next.party,
            clock: command.clock,
          },
        },
        ...escalate(command.next, state, escalation.level + 1, escalation.escalationId),
      ];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function escalate(
  request: EscalationRequest,
  state: ExistingIncident,
  level: number,
  previous: string | null,
): Events {
  if (state.status === 'RESOLVED') throw new IncidentAlreadyResolvedError(state.incidentId, 'escalate');
  for (const domain of request.domains) {
    if (!state.domains.includes(domain))
      throw new InvalidInputError('domains', domain, 'is not a domain of this incident');
  }
  const open = Object.values(state.escalations).find(
    (e) =>
      e.party.organisationId === request.party.organisationId &&
      !isClosedEscalation(e) &&
      e.escalatedTo === null &&
      request.domains.every((d) => e.domains.includes(d)),
  );
  if (open) throw new AlreadyEscalatedError(request.party.organisationId, open.escalationId);
  const { escalationId, ...rest } = request;
  return [{ type: 'EscalationSent', data: { escalationId, ...rest, level, previousEscalationId: previous } }];
}

function requireApproved(escalation: EscalationState, action: string): void {
  if (escalation.status === 'PENDING_APPROVAL')
    throw new EscalationClosedError(escalation.escalationId, 'awaiting approval', action);
}

function requireAnswerable(escalation: EscalationState, action: string): void {
  if (action !== 'withdraw') requireApproved(escalation, action);
  if (isClosedEscalation(escalation))
    throw new EscalationClosedError(escalation.escalationId, escalation.status, action);
}

function runningClock(escalation: EscalationState, clock: string, dueAt: string) {
  return escalation.clocks.find((c) => c.clock === clock && c.state === 'RUNNING' && c.dueAt === dueAt);
}
