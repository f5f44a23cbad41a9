import fc from 'fast-check';
import type { BusinessCalendar } from './business-time';
import { addBusinessTime, businessTimeBetween } from './business-time';
import { clockDeadline, clockDeadlines, resumeClock } from './sla-deadlines';
import type { SlaTerms } from './sla-policy';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const paris: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:00',
};
const businessTerms: SlaTerms = {
  acknowledgeWithinMs: 8 * HOUR,
  actWithinMs: 16 * HOUR,
  calendar: paris,
  reminderFractions: [0.5, 0.9],
  severity: 'MEDIUM',
  severityAssumed: false,
};
const roundTheClock: SlaTerms = {
  ...businessTerms,
  acknowledgeWithinMs: HOUR,
  actWithinMs: 12 * HOUR,
  calendar: null,
};

describe('clockDeadlines', () => {
  it('starts both clocks together, with reminders at fractions of the business duration', () => {
    // Friday 2026-03-27 16:00 CET; the clocks count on across the weekend and the change to CEST.
    const startedAt = at('2026-03-27T15:00:00Z');
    expect(clockDeadlines(startedAt, businessTerms)).toEqual({
      ACKNOWLEDGEMENT: {
        clock: 'ACKNOWLEDGEMENT',
        startedAt,
        dueAt: at('2026-03-30T14:00:00Z'), // Monday 16:00 CEST
        reminders: [
          { fraction: 0.5, at: at('2026-03-30T10:00:00Z') }, // 4 h: Monday 12:00
          { fraction: 0.9, at: at('2026-03-30T13:12:00Z') }, // 7 h 12: Monday 15:12
        ],
      },
      ACTION: {
        clock: 'ACTION',
        startedAt,
        dueAt: at('2026-03-31T14:00:00Z'), // Tuesday 16:00
        reminders: [
          { fraction: 0.5, at: at('2026-03-30T14:00:00Z') },
          { fraction: 0.9, at: at('2026-03-31T12:24:00Z') },
        ],
      },
    });
  });

  it('counts elapsed time without a calendar', () => {
    const deadline = clockDeadline('ACKNOWLEDGEMENT', at('2026-03-28T23:30:00Z'), roundTheClock);
    expect(deadline.dueAt).toEqual(at('2026-03-29T00:30:00Z'));
    expect(deadline.reminders.map((reminder) => reminder.at)).toEqual([
      at('2026-03-29T00:00:00Z'),
      at('2026-03-29T00:24:00Z'),
    ]);
  });

  it('gives no reminders when the policy has none', () => {
    expect(
      clockDeadline('ACTION', at('2026-03-23T09:00:00Z'), { ...roundTheClock, reminderFractions: [] }),
    ).toEqual({
      clock: 'ACTION',
      startedAt: at('2026-03-23T09:00:00Z'),
      dueAt: at('2026-03-23T21:00:00Z'),
      reminders: [],
    });
  });
});

describe('resumeClock', () => {
  const dueAt = at('2026-03-24T14:00:00Z'); // Tuesday 15:00 CET

  it('moves the deadline by the business time the pause took', () => {
    // Paused Monday 10:00 to 12:30 CET: 2 h 30 later, so Tuesday 17:00 and Wednesday 09:30.
    expect(resumeClock(at('2026-03-23T09:00:00Z'), at('2026-03-23T11:30:00Z'), dueAt, paris)).toEqual(
      at('2026-03-25T08:30:00Z'),
    );
  });

  it('leaves the deadline alone when the pause fell outside business hours', () => {
    expect(resumeClock(at('2026-03-21T09:00:00Z'), at('2026-03-22T20:00:00Z'), dueAt, paris)).toEqual(dueAt);
  });

  it('moves the deadline by the elapsed pause without a calendar', () => {
    expect(resumeClock(at('2026-03-21T09:00:00Z'), at('2026-03-22T20:00:00Z'), dueAt, null)).toEqual(
      at('2026-03-26T01:00:00Z'),
    );
  });

  it('carries the remaining time across a DST change', () => {
    // Paused Friday 16:00 CET with 1 h left, resumed Monday 09:00 CEST: due Monday 10:00 CEST.
    expect(
      resumeClock(at('2026-03-27T15:00:00Z'), at('2026-03-30T07:00:00Z'), at('2026-03-27T16:00:00Z'), paris),
    ).toEqual(at('2026-03-30T08:00:00Z'));
  });

  it('does not revive a deadline that had passed when the clock was paused', () => {
    expect(resumeClock(at('2026-03-25T09:00:00Z'), at('2026-03-26T09:00:00Z'), dueAt, paris)).toEqual(dueAt);
  });

  it('moves a pending reminder the same way, and leaves a sent one', () => {
    const deadline = clockDeadline('ACTION', at('2026-03-23T08:00:00Z'), businessTerms);
    const [half, late] = deadline.reminders;
    // Half-way was Monday 17:00; the last call, Tuesday 15:24, had 4 h 24 to go at the pause.
    const pausedAt = at('2026-03-24T10:00:00Z');
    const resumedAt = at('2026-03-25T13:00:00Z');
    expect(resumeClock(pausedAt, resumedAt, half!.at, paris)).toEqual(half!.at);
    expect(resumeClock(pausedAt, resumedAt, late!.at, paris)).toEqual(at('2026-03-26T09:24:00Z'));
  });

  it('refuses a resumption before the pause', () => {
    expect(() => resumeClock(at('2026-03-23T11:00:00Z'), at('2026-03-23T10:00:00Z'), dueAt, paris)).toThrow(
      RangeError,
    );
  });

  it('keeps the business time left at the pause, for any pause', () => {
    const instant = fc.date({
      min: at('2026-03-01T00:00:00Z'),
      max: at('2026-11-30T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 40 * HOUR }),
        fc.nat({ max: 10 * 86_400_000 }),
        (pausedAt, left, pauseMs) => {
          const due = addBusinessTime(pausedAt, left, paris);
          const resumedAt = new Date(pausedAt.getTime() + pauseMs);
          const resumed = resumeClock(pausedAt, resumedAt, due, paris);
          expect(businessTimeBetween(resumedAt, resumed, paris)).toBe(left);
          expect(resumed >= due).toBe(true);
        },
      ),
    );
  });
});
