import type { OrganisationKind } from '@app/directory';
import type { ClockSchedule } from '../../libs/incidents/src/domain/escalation.events';
import type { EscalationState } from '../../libs/incidents/src/domain/escalation.state';
import type { Severity } from '../../libs/incidents/src/domain/incident.vocabulary';
import { clockDeadlines, resumeClock } from '../../libs/incidents/src/domain/sla/sla-deadlines';
import { DEFAULT_SLA_POLICY, type SlaTerms } from '../../libs/incidents/src/domain/sla/sla-policy';
import { slaTermsFor } from '../../libs/incidents/src/domain/sla/sla-terms';
import type { RequestType } from '../../libs/incidents/src/domain/sla/sla.vocabulary';

/** SLA clocks as the escalation planner computes them, under the default SLA policy. */

const termsCache = new Map<string, SlaTerms>();
function termsOf(kind: string, severity: Severity | null, requestType: RequestType): SlaTerms {
  const key = `${kind}/${severity}/${requestType}`;
  let terms = termsCache.get(key);
  if (!terms) {
    terms = slaTermsFor(DEFAULT_SLA_POLICY, kind as OrganisationKind, severity, requestType);
    termsCache.set(key, terms);
  }
  return terms;
}

/**
 * Escalations of one round of the log mostly start at the same instant, and business-hours deadlines
 * are costly to compute (time-zone offsets through Intl), so the schedules of the last few instants are kept.
 */
const clocksCache = new Map<string, ClockSchedule[]>();
const CLOCKS_CACHE_SIZE = 4096;
const resumedCache = new Map<string, string>();

/** Both clocks started at `at` under the default SLA policy, as the escalation planner computes them. */
export function clocksAt(
  kind: string,
  severity: Severity | null,
  requestType: RequestType,
  at: Date,
): ClockSchedule[] {
  const key = `${kind}/${severity}/${requestType}/${at.getTime()}`;
  let clocks = clocksCache.get(key);
  if (!clocks) {
    if (clocksCache.size >= CLOCKS_CACHE_SIZE) clocksCache.clear();
    clocks = computeClocks(kind, severity, requestType, at);
    clocksCache.set(key, clocks);
  }
  return clocks;
}

function computeClocks(
  kind: string,
  severity: Severity | null,
  requestType: RequestType,
  at: Date,
): ClockSchedule[] {
  const deadlines = clockDeadlines(at, termsOf(kind, severity, requestType));
  return (['ACKNOWLEDGEMENT', 'ACTION'] as const).map((clock) => ({
    clock,
    startedAt: deadlines[clock].startedAt.toISOString(),
    dueAt: deadlines[clock].dueAt.toISOString(),
    reminders: deadlines[clock].reminders.map((r) => ({ fraction: r.fraction, at: r.at.toISOString() })),
  }));
}

/** The paused clocks of `escalation` resumed at `now` with the time they had left (the planner's `resumed`). */
export function resumedClocks(
  escalation: EscalationState,
  severity: Severity | null,
  now: Date,
): ClockSchedule[] {
  const { calendar } = termsOf(escalation.party.kind, severity, escalation.requestType);
  return escalation.clocks
    .filter((c) => c.state === 'PAUSED' && c.pausedAt !== null)
    .map((c) => {
      const pausedAt = new Date(c.pausedAt ?? now.toISOString());
      const move = (at: string): string => {
        // Incidents of one round pause and resume together: the same instants recur, the same answer.
        const key = `${escalation.party.kind}/${severity}/${pausedAt.getTime()}/${now.getTime()}/${at}`;
        let moved = resumedCache.get(key);
        if (moved === undefined) {
          if (resumedCache.size >= CLOCKS_CACHE_SIZE) resumedCache.clear();
          moved = resumeClock(pausedAt, now, new Date(at), calendar).toISOString();
          resumedCache.set(key, moved);
        }
        return moved;
      };
      return {
        clock: c.clock,
        startedAt: c.startedAt,
        dueAt: move(c.dueAt),
        reminders: c.reminders.map((r) => ({ fraction: r.fraction, at: move(r.at) })),
      };
    });
}
