import type { ClockSchedule, EscalationParty } from './escalation.events';
import type { DeclineReason, TakedownAction } from './escalation.vocabulary';
import type { RequestType, SlaClock } from './sla/sla.vocabulary';

/** A new request to a party, fully scheduled by the handler (policy, calendar, chain). */
export interface EscalationRequest {
  readonly escalationId: string;
  readonly party: EscalationParty;
  readonly requestType: RequestType;
  readonly domains: readonly string[];
  readonly message: string | null;
  readonly clocks: readonly ClockSchedule[];
  readonly nextParties: readonly EscalationParty[];
  readonly reporterVerifiedCsirt: boolean;
  readonly awaitingApproval: boolean;
}

export type EscalationCommand =
  | ({ readonly type: 'EscalateIncident' } & EscalationRequest)
  | {
      readonly type: 'ApproveEscalation';
      readonly escalationId: string;
      readonly at: string;
      readonly clocks: readonly ClockSchedule[];
    }
  | { readonly type: 'AcknowledgeEscalation'; readonly escalationId: string; readonly at: string }
  | {
      readonly type: 'RequestMoreInformation';
      readonly escalationId: string;
      readonly question: string;
      readonly at: string;
    }
  | {
      readonly type: 'ProvideInformation';
      readonly escalationId: string;
      readonly answer: string;
      readonly at: string;
      /** The paused clocks rescheduled from `at` with the time they had left. */
      readonly resumed: readonly ClockSchedule[];
    }
  | {
      readonly type: 'RecordTakedownAction';
      readonly escalationId: string;
      readonly action: TakedownAction;
      readonly evidence: string | null;
      readonly at: string;
    }
  | {
      readonly type: 'DeclineTakedown';
      readonly escalationId: string;
      readonly reasonCode: DeclineReason;
      readonly reason: string;
      readonly at: string;
    }
  | {
      readonly type: 'WithdrawEscalation';
      readonly escalationId: string;
      readonly reason: string;
      readonly at: string;
    }
  | {
      readonly type: 'RecordSlaReminder';
      readonly escalationId: string;
      readonly clock: SlaClock;
      readonly fraction: number;
      /** The deadline the timer was set for; a timer of an older schedule changes nothing. */
      readonly dueAt: string;
      readonly at: string;
    }
  | {
      readonly type: 'RecordSlaBreach';
      readonly escalationId: string;
      readonly clock: SlaClock;
      readonly dueAt: string;
      readonly at: string;
      /** The escalation to the next party, prepared by the handler; null when nobody is left. */
      readonly next: EscalationRequest | null;
    };

export const ESCALATION_COMMAND_TYPES: ReadonlySet<string> = new Set<EscalationCommand['type']>([
  'EscalateIncident',
  'ApproveEscalation',
  'AcknowledgeEscalation',
  'RequestMoreInformation',
  'ProvideInformation',
  'RecordTakedownAction',
  'DeclineTakedown',
  'WithdrawEscalation',
  'RecordSlaReminder',
  'RecordSlaBreach',
]);
