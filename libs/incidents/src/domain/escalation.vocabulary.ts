/** Closed vocabularies of escalations, shared by events, read models and GraphQL enums. */

/** What a party did about a takedown request (registrar, registry and hosting actions). */
export const TAKEDOWN_ACTIONS = [
  'CLIENT_HOLD',
  'SERVER_HOLD',
  'SUSPENDED',
  'DELETED',
  'TRANSFERRED',
  'SINKHOLED',
  'DNS_CHANGED',
  'CONTENT_REMOVED',
] as const;
export type TakedownAction = (typeof TAKEDOWN_ACTIONS)[number];

/** Why a party declined, in the words registrars use when they answer abuse reports. */
export const DECLINE_REASONS = [
  'NOT_SPONSORED',
  'INSUFFICIENT_EVIDENCE',
  'NOT_ABUSE',
  'LEGAL_ORDER_REQUIRED',
  'REFERRED_ELSEWHERE',
  'OTHER',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

export const ESCALATION_STATUSES = [
  /** Sent by an unverified organisation to a registrar: waits for a coordinator before the party sees it. */
  'PENDING_APPROVAL',
  'OPEN',
  'ACKNOWLEDGED',
  'AWAITING_INFORMATION',
  'ACTIONED',
  'DECLINED',
  'WITHDRAWN',
] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** A clock is RUNNING until met, breached, paused or stopped (the escalation closed or moved on). */
export const CLOCK_STATES = ['RUNNING', 'PAUSED', 'MET', 'BREACHED', 'STOPPED'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];
