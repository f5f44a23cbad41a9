import type { Actor } from '@app/core';
import type { EscalationEvent, EscalationSent } from '../domain/escalation.events';
import { type EscalationState, evolveEscalations, stopAllEscalationClocks } from '../domain/escalation.state';
import type { DeclineReason, TakedownAction } from '../domain/escalation.vocabulary';

/** An escalation as people read it: the decider's state plus who answered what, and when. */
export interface EscalationView extends EscalationState {
  readonly message: string | null;
  readonly reporterVerifiedCsirt: boolean;
  readonly previousEscalationId: string | null;
  readonly sentAt: string;
  readonly sentBy: Actor;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: Actor | null;
  readonly question: string | null;
  readonly answer: string | null;
  readonly action: {
    readonly action: TakedownAction;
    readonly evidence: string | null;
    readonly recordedAt: string;
    readonly recordedBy: Actor;
  } | null;
  readonly decline: {
    readonly reasonCode: DeclineReason;
    readonly reason: string;
    readonly declinedAt: string;
  } | null;
  readonly withdrawal: { readonly reason: string; readonly withdrawnAt: string } | null;
  readonly approvedAt?: string | null;
  readonly updatedAt: string;
}

export interface ViewContext {
  readonly occurredAt: string;
  readonly actor: Actor;
}

/** Pure: the escalations of an incident view after one escalation event. */
export function evolveEscalationViews(
  views: readonly EscalationView[],
  event: EscalationEvent,
  context: ViewContext,
): EscalationView[] {
  const byId = Object.fromEntries(views.map((v) => [v.escalationId, v]));
  const states = evolveEscalations(byId, event);
  if (event.type === 'EscalationSent')
    return [...views, sent(event, states[event.data.escalationId] as EscalationState, context)];
  const id = event.type === 'EscalatedToNextParty' ? event.data.fromEscalationId : event.data.escalationId;
  return views.map((view) =>
    view.escalationId === id
      ? detail({ ...view, ...states[id], updatedAt: context.occurredAt }, event, context)
      : view,
  );
}

/** Resolving the incident stops every clock. */
export const stopEscalationViews = (views: readonly EscalationView[]): EscalationView[] => {
  const stopped = stopAllEscalationClocks(Object.fromEntries(views.map((v) => [v.escalationId, v])));
  return views.map((v) => ({ ...v, ...stopped[v.escalationId] }));
};

function sent(event: EscalationSent, state: EscalationState, context: ViewContext): EscalationView {
  return {
    ...state,
    message: event.data.message,
    reporterVerifiedCsirt: event.data.reporterVerifiedCsirt,
    previousEscalationId: event.data.previousEscalationId,
    sentAt: context.occurredAt,
    sentBy: context.actor,
    acknowledgedAt: null,
    acknowledgedBy: null,
    question: null,
    answer: null,
    action: null,
    decline: null,
    withdrawal: null,
    updatedAt: context.occurredAt,
  };
}

function detail(
  view: EscalationView,
  event: Exclude<EscalationEvent, EscalationSent>,
  context: ViewContext,
): EscalationView {
  switch (event.type) {
    case 'EscalationAcknowledged':
      return view.acknowledgedAt
        ? view
        : { ...view, acknowledgedAt: event.data.acknowledgedAt, acknowledgedBy: context.actor };
    case 'EscalationApproved':
      return { ...view, approvedAt: event.data.approvedAt };
    case 'MoreInfoRequested':
      return { ...view, question: event.data.question, answer: null };
    case 'InfoProvided':
      return { ...view, answer: event.data.answer };
    case 'TakedownActionRecorded': {
      const { action, evidence, recordedAt } = event.data;
      return { ...view, action: { action, evidence, recordedAt, recordedBy: context.actor } };
    }
    case 'TakedownDeclined': {
      const { reasonCode, reason, declinedAt } = event.data;
      return { ...view, decline: { reasonCode, reason, declinedAt } };
    }
    case 'EscalationWithdrawn':
      return { ...view, withdrawal: { reason: event.data.reason, withdrawnAt: event.data.withdrawnAt } };
    case 'SlaReminderIssued':
    case 'SlaBreached':
    case 'EscalatedToNextParty':
      return view;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
