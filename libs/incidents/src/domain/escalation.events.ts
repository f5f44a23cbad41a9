import type { DeclineReason, TakedownAction } from './escalation.vocabulary';
import type { RequestType, SlaClock } from './sla/sla.vocabulary';

/** One clock of an escalation as scheduled: when it started, when it is due, when to remind. */
export interface ClockSchedule {
  readonly clock: SlaClock;
  readonly startedAt: string;
  readonly dueAt: string;
  readonly reminders: readonly { readonly fraction: number; readonly at: string }[];
}

/** A party as an escalation names it; kept in the event so the history reads without the directory. */
export interface EscalationParty {
  readonly organisationId: string;
  readonly name: string;
  readonly kind: string;
}

export interface EscalationSent {
  readonly type: 'EscalationSent';
  readonly data: {
    readonly escalationId: string;
    readonly party: EscalationParty;
    /** 1 for the first party asked; each automatic escalation adds one. */
    readonly level: number;
    readonly requestType: RequestType;
    readonly domains: readonly string[];
    readonly message: string | null;
    readonly clocks: readonly ClockSchedule[];
    /** Who is asked next if this party lets a deadline pass, in order; the centre last. */
    readonly nextParties: readonly EscalationParty[];
    /** Whether the reporting organisation was a verified CSIRT when this was sent: a trust signal. */
    readonly reporterVerifiedCsirt: boolean;
    readonly previousEscalationId: string | null;
    /** True: the clocks start, and the party sees the request, only once a coordinator approves it. */
    readonly awaitingApproval: boolean;
  };
}

/** A coordinator let an unverified organisation's request through; the clocks start now. */
export interface EscalationApproved {
  readonly type: 'EscalationApproved';
  readonly data: {
    readonly escalationId: string;
    readonly approvedAt: string;
    readonly clocks: readonly ClockSchedule[];
  };
}

export interface EscalationAcknowledged {
  readonly type: 'EscalationAcknowledged';
  readonly data: { readonly escalationId: string; readonly acknowledgedAt: string };
}

/** The party needs more from the reporter: its clocks pause until the answer comes. */
export interface MoreInfoRequested {
  readonly type: 'MoreInfoRequested';
  readonly data: { readonly escalationId: string; readonly question: string; readonly requestedAt: string };
}

/** The reporter answered: the paused clocks resume with the time they had left. */
export interface InfoProvided {
  readonly type: 'InfoProvided';
  readonly data: {
    readonly escalationId: string;
    readonly answer: string;
    readonly providedAt: string;
    readonly clocks: readonly ClockSchedule[];
  };
}

export interface TakedownActionRecorded {
  readonly type: 'TakedownActionRecorded';
  readonly data: {
    readonly escalationId: string;
    readonly action: TakedownAction;
    /** What shows the action (a note, a ticket reference, an RDAP status). */
    readonly evidence: string | null;
    readonly recordedAt: string;
  };
}

export interface TakedownDeclined {
  readonly type: 'TakedownDeclined';
  readonly data: {
    readonly escalationId: string;
    readonly reasonCode: DeclineReason;
    readonly reason: string;
    readonly declinedAt: string;
  };
}

export interface EscalationWithdrawn {
  readonly type: 'EscalationWithdrawn';
  readonly data: { readonly escalationId: string; readonly reason: string; readonly withdrawnAt: string };
}

export interface SlaReminderIssued {
  readonly type: 'SlaReminderIssued';
  readonly data: {
    readonly escalationId: string;
    readonly clock: SlaClock;
    readonly fraction: number;
    readonly dueAt: string;
    readonly issuedAt: string;
  };
}

export interface SlaBreached {
  readonly type: 'SlaBreached';
  readonly data: {
    readonly escalationId: string;
    readonly clock: SlaClock;
    readonly dueAt: string;
    readonly breachedAt: string;
  };
}

/** Silence moved the case up the chain; an EscalationSent to the next party follows in the same append. */
export interface EscalatedToNextParty {
  readonly type: 'EscalatedToNextParty';
  readonly data: {
    readonly fromEscalationId: string;
    readonly toEscalationId: string;
    readonly to: EscalationParty;
    readonly clock: SlaClock;
  };
}

export type EscalationEvent =
  | EscalationSent
  | EscalationApproved
  | EscalationAcknowledged
  | MoreInfoRequested
  | InfoProvided
  | TakedownActionRecorded
  | TakedownDeclined
  | EscalationWithdrawn
  | SlaReminderIssued
  | SlaBreached
  | EscalatedToNextParty;

export const ESCALATION_EVENT_TYPES: readonly EscalationEvent['type'][] = [
  'EscalationSent',
  'EscalationApproved',
  'EscalationAcknowledged',
  'MoreInfoRequested',
  'InfoProvided',
  'TakedownActionRecorded',
  'TakedownDeclined',
  'EscalationWithdrawn',
  'SlaReminderIssued',
  'SlaBreached',
  'EscalatedToNextParty',
];

const ESCALATION_TYPES: ReadonlySet<string> = new Set(ESCALATION_EVENT_TYPES);

export const isEscalationEvent = (event: { readonly type: string }): event is EscalationEvent =>
  ESCALATION_TYPES.has(event.type);
