/** When each clock of an escalation is due and when to remind the party, from its resolved terms. */
import type { BusinessCalendar } from './business-time';
import { addBusinessTime, businessTimeBetween } from './business-time';
import type { SlaTerms } from './sla-policy';
import type { SlaClock } from './sla.vocabulary';

export interface SlaReminder {
  /** Share of the clock's duration (business time when the clock counts it) gone at `at`. */
  readonly fraction: number;
  readonly at: Date;
}

export interface ClockDeadline {
  readonly clock: SlaClock;
  readonly startedAt: Date;
  readonly dueAt: Date;
  /** In the order of the policy's fractions, ascending. */
  readonly reminders: readonly SlaReminder[];
}

/**
 * One clock started at `startedAt`. Outside business hours a business clock only starts counting
 * when the party's office opens, which is why `dueAt` is not simply `startedAt` plus the duration.
 */
export function clockDeadline(clock: SlaClock, startedAt: Date, terms: SlaTerms): ClockDeadline {
  const durationMs = durationOf(clock, terms);
  return {
    clock,
    startedAt,
    dueAt: addBusinessTime(startedAt, durationMs, terms.calendar),
    reminders: terms.reminderFractions.map((fraction) => ({
      fraction,
      // Whole ms, so the same terms give the same instants wherever they are computed.
      at: addBusinessTime(startedAt, Math.round(fraction * durationMs), terms.calendar),
    })),
  };
}

/** Both clocks of an escalation sent at `startedAt`: they start together. */
export function clockDeadlines(startedAt: Date, terms: SlaTerms): Readonly<Record<SlaClock, ClockDeadline>> {
  return {
    ACKNOWLEDGEMENT: clockDeadline('ACKNOWLEDGEMENT', startedAt, terms),
    ACTION: clockDeadline('ACTION', startedAt, terms),
  };
}

/**
 * The new due instant of a clock paused at `pausedAt` (e.g. waiting for the reporter's answer) and
 * resumed at `resumedAt`: the business time left at the pause is counted again from the resumption.
 * A clock already due when paused stays due: waiting does not revive a missed deadline. The same
 * call moves a pending reminder (pass its `at` as `dueAt`).
 *
 * @throws RangeError when `resumedAt` is before `pausedAt`.
 */
export function resumeClock(
  pausedAt: Date,
  resumedAt: Date,
  dueAt: Date,
  calendar: BusinessCalendar | null,
): Date {
  if (resumedAt.getTime() < pausedAt.getTime()) {
    throw new RangeError(
      `clock resumed at ${resumedAt.toISOString()}, before its pause at ${pausedAt.toISOString()}`,
    );
  }
  if (pausedAt.getTime() >= dueAt.getTime() || resumedAt.getTime() === pausedAt.getTime()) return dueAt;
  return addBusinessTime(resumedAt, businessTimeBetween(pausedAt, dueAt, calendar), calendar);
}

function durationOf(clock: SlaClock, terms: SlaTerms): number {
  switch (clock) {
    case 'ACKNOWLEDGEMENT':
      return terms.acknowledgeWithinMs;
    case 'ACTION':
      return terms.actWithinMs;
  }
}
