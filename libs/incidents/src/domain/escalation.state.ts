import type { ClockSchedule, EscalationEvent, EscalationParty } from './escalation.events';
import type { ClockState, EscalationStatus } from './escalation.vocabulary';
import type { RequestType, SlaClock } from './sla/sla.vocabulary';

export interface ClockStatus extends ClockSchedule {
  readonly state: ClockState;
  /** Reminder fractions already issued for this schedule. */
  readonly remindersIssued: readonly number[];
  readonly pausedAt: string | null;
}

/** One request to one party, as the decider needs it. */
export interface EscalationState {
  readonly escalationId: string;
  readonly party: EscalationParty;
  readonly level: number;
  readonly requestType: RequestType;
  readonly domains: readonly string[];
  readonly status: EscalationStatus;
  readonly clocks: readonly ClockStatus[];
  readonly nextParties: readonly EscalationParty[];
  /** Set once silence moved the case to the next party. */
  readonly escalatedTo: string | null;
}

export type Escalations = Readonly<Record<string, EscalationState>>;

const CLOSED: readonly EscalationStatus[] = ['ACTIONED', 'DECLINED', 'WITHDRAWN'];
export const isClosedEscalation = (e: EscalationState): boolean => CLOSED.includes(e.status);

const running = (schedule: ClockSchedule): ClockStatus => ({
  ...schedule,
  state: 'RUNNING',
  remindersIssued: [],
  pausedAt: null,
});

/** Folds one escalation event into the incident's escalations. */
export function evolveEscalations(escalations: Escalations, event: EscalationEvent): Escalations {
  if (event.type === 'EscalationSent') {
    const { escalationId, party, level, requestType, domains, clocks, nextParties, awaitingApproval } =
      event.data;
    return {
      ...escalations,
      [escalationId]: {
        escalationId,
        party,
        level,
        requestType,
        domains,
        status: awaitingApproval ? 'PENDING_APPROVAL' : 'OPEN',
        clocks: awaitingApproval ? [] : clocks.map(running),
        nextParties,
        escalatedTo: null,
      },
    };
  }
  const id = event.type === 'EscalatedToNextParty' ? event.data.fromEscalationId : event.data.escalationId;
  const current = escalations[id];
  if (!current) return escalations;
  return { ...escalations, [id]: evolveOne(current, event) };
}

function evolveOne(
  e: EscalationState,
  event: Exclude<EscalationEvent, { type: 'EscalationSent' }>,
): EscalationState {
  switch (event.type) {
    case 'EscalationApproved':
      return { ...e, status: 'OPEN', clocks: event.data.clocks.map(running) };
    case 'EscalationAcknowledged':
      return {
        ...e,
        status: e.status === 'OPEN' ? 'ACKNOWLEDGED' : e.status,
        clocks: settle(e.clocks, ['ACKNOWLEDGEMENT'], 'MET'),
      };
    case 'MoreInfoRequested':
      return {
        ...e,
        status: 'AWAITING_INFORMATION',
        clocks: e.clocks.map((c) =>
          c.state === 'RUNNING' ? { ...c, state: 'PAUSED', pausedAt: event.data.requestedAt } : c,
        ),
      };
    case 'InfoProvided': {
      const resumed = new Map(event.data.clocks.map((c) => [c.clock, c]));
      return {
        ...e,
        status: e.clocks.some((c) => c.clock === 'ACKNOWLEDGEMENT' && c.state === 'MET')
          ? 'ACKNOWLEDGED'
          : 'OPEN',
        clocks: e.clocks.map((c) => {
          const schedule = resumed.get(c.clock);
          // Reminders already sent stay sent: the resumed schedule only moves the ones still due.
          return c.state === 'PAUSED' && schedule
            ? { ...running(schedule), remindersIssued: c.remindersIssued }
            : c;
        }),
      };
    }
    case 'TakedownActionRecorded':
      return { ...e, status: 'ACTIONED', clocks: settle(e.clocks, ['ACKNOWLEDGEMENT', 'ACTION'], 'MET') };
    case 'TakedownDeclined':
      return { ...e, status: 'DECLINED', clocks: settle(e.clocks, ['ACKNOWLEDGEMENT', 'ACTION'], 'MET') };
    case 'EscalationWithdrawn':
      return { ...e, status: 'WITHDRAWN', clocks: stopAll(e.clocks) };
    case 'SlaReminderIssued':
      return {
        ...e,
        clocks: e.clocks.map((c) =>
          c.clock === event.data.clock
            ? { ...c, remindersIssued: [...c.remindersIssued, event.data.fraction] }
            : c,
        ),
      };
    case 'SlaBreached':
      return {
        ...e,
        clocks: e.clocks.map((c) => (c.clock === event.data.clock ? { ...c, state: 'BREACHED' } : c)),
      };
    case 'EscalatedToNextParty':
      // The next party carries the case now; this one may still act, but its clocks stop.
      return { ...e, escalatedTo: event.data.toEscalationId, clocks: stopAll(e.clocks) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** Clocks `which` that are still counting (running or paused) become `state`. */
function settle(
  clocks: readonly ClockStatus[],
  which: readonly SlaClock[],
  state: ClockState,
): readonly ClockStatus[] {
  return clocks.map((c) => (which.includes(c.clock) && counting(c) ? { ...c, state, pausedAt: null } : c));
}

export const stopAll = (clocks: readonly ClockStatus[]): readonly ClockStatus[] =>
  clocks.map((c) => (counting(c) ? { ...c, state: 'STOPPED', pausedAt: null } : c));

const counting = (c: ClockStatus): boolean => c.state === 'RUNNING' || c.state === 'PAUSED';

/** Resolving an incident stops every clock of every escalation. */
export function stopAllEscalationClocks(escalations: Escalations): Escalations {
  return Object.fromEntries(
    Object.entries(escalations).map(([id, e]) => [id, { ...e, clocks: stopAll(e.clocks) }]),
  );
}
