import { InvalidInputError } from '@app/core';
import type { BusinessCalendar } from './business-time';
import { addBusinessTime, businessDayMs, businessTimeBetween, checkBusinessCalendar } from './business-time';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string) => new Date(iso);
const WEEKDAYS = [1, 2, 3, 4, 5];
const paris: BusinessCalendar = { timeZone: 'Europe/Paris', days: WEEKDAYS, start: '09:00', end: '17:00' };
const parisAllDay: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  days: [1, 2, 3, 4, 5, 6, 7],
  start: '00:00',
  end: '24:00',
};

describe('addBusinessTime', () => {
  it('adds elapsed time without a calendar', () => {
    expect(addBusinessTime(at('2026-03-28T23:00:00Z'), 5 * HOUR, null)).toEqual(at('2026-03-29T04:00:00Z'));
  });

  it('counts only opening hours, in the calendar zone', () => {
    // Monday 10:00 Paris (CET) + 3 h.
    expect(addBusinessTime(at('2026-03-23T09:00:00Z'), 3 * HOUR, paris)).toEqual(at('2026-03-23T12:00:00Z'));
    // Monday 16:00 + 3 h: 1 h on Monday, 2 h on Tuesday from 09:00.
    expect(addBusinessTime(at('2026-03-23T15:00:00Z'), 3 * HOUR, paris)).toEqual(at('2026-03-24T10:00:00Z'));
  });

  it('skips the weekend, and the spring DST change within it (Paris, 2026-03-29)', () => {
    // Friday 16:00 CET + 2 h = Monday 10:00 CEST.
    expect(addBusinessTime(at('2026-03-27T15:00:00Z'), 2 * HOUR, paris)).toEqual(at('2026-03-30T08:00:00Z'));
  });

  it('skips the weekend of the autumn DST change (Paris, 2026-10-25)', () => {
    // Friday 16:00 CEST + 2 h = Monday 10:00 CET.
    expect(addBusinessTime(at('2026-10-23T14:00:00Z'), 2 * HOUR, paris)).toEqual(at('2026-10-26T09:00:00Z'));
  });

  it('counts a 23-hour and a 25-hour day as what they are on a round-the-clock calendar', () => {
    // Saturday 00:00 CET + 47 business hours = Monday 00:00 CEST: 24 h + 23 h.
    expect(addBusinessTime(at('2026-03-27T23:00:00Z'), 47 * HOUR, parisAllDay)).toEqual(
      at('2026-03-29T22:00:00Z'),
    );
    expect(addBusinessTime(at('2026-10-23T22:00:00Z'), 24 * HOUR + 25 * HOUR, parisAllDay)).toEqual(
      at('2026-10-25T23:00:00Z'),
    );
  });

  it('keeps the US change apart from the European one (New York, 2026-03-08)', () => {
    const newYork: BusinessCalendar = { ...paris, timeZone: 'America/New_York' };
    // Friday 2026-03-06 16:00 EST + 2 h = Monday 10:00 EDT.
    expect(addBusinessTime(at('2026-03-06T21:00:00Z'), 2 * HOUR, newYork)).toEqual(
      at('2026-03-09T14:00:00Z'),
    );
  });

  it('moves the start to the next business instant when the duration is zero', () => {
    expect(addBusinessTime(at('2026-03-28T12:00:00Z'), 0, paris)).toEqual(at('2026-03-30T07:00:00Z'));
    expect(addBusinessTime(at('2026-03-23T10:15:00Z'), 0, paris)).toEqual(at('2026-03-23T10:15:00Z'));
    // 17:00 is closing time, so no longer open.
    expect(addBusinessTime(at('2026-03-23T16:00:00Z'), 0, paris)).toEqual(at('2026-03-24T08:00:00Z'));
  });

  it('ends a duration that uses up a day at closing time, not at the next opening', () => {
    expect(addBusinessTime(at('2026-03-23T08:00:00Z'), 8 * HOUR, paris)).toEqual(at('2026-03-23T16:00:00Z'));
  });

  it('runs business days to midnight with end 24:00', () => {
    const evenings: BusinessCalendar = { ...paris, start: '18:00', end: '24:00' };
    // Monday 23:00 CET + 2 h = Tuesday 19:00.
    expect(addBusinessTime(at('2026-03-23T22:00:00Z'), 2 * HOUR, evenings)).toEqual(
      at('2026-03-24T18:00:00Z'),
    );
  });

  it('gives no business hours to a date the zone skipped (Pacific/Apia, Friday 2011-12-30)', () => {
    const apia: BusinessCalendar = { ...paris, timeZone: 'Pacific/Apia' };
    // Thursday 16:00 (UTC-10) + 2 h = Monday 2012-01-02 10:00 (UTC+14).
    expect(addBusinessTime(at('2011-12-30T02:00:00Z'), 2 * HOUR, apia)).toEqual(at('2012-01-01T20:00:00Z'));
  });

  it('refuses a negative duration and an invalid date', () => {
    expect(() => addBusinessTime(at('2026-03-23T08:00:00Z'), -1, paris)).toThrow(RangeError);
    expect(() => addBusinessTime(new Date(Number.NaN), HOUR, paris)).toThrow(RangeError);
  });
});

describe('businessTimeBetween', () => {
  it('is elapsed time without a calendar, and 0 when the end is not after the start', () => {
    expect(businessTimeBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T04:00:00Z'), null)).toBe(5 * HOUR);
    expect(businessTimeBetween(at('2026-03-29T04:00:00Z'), at('2026-03-28T23:00:00Z'), null)).toBe(0);
    expect(businessTimeBetween(at('2026-03-29T04:00:00Z'), at('2026-03-28T23:00:00Z'), paris)).toBe(0);
  });

  it('counts opening hours only, across a weekend and a DST change', () => {
    // Friday 16:00 CET to Monday 10:30 CEST: 1 h + 1 h 30.
    expect(businessTimeBetween(at('2026-03-27T15:00:00Z'), at('2026-03-30T08:30:00Z'), paris)).toBe(
      150 * MINUTE,
    );
    expect(businessTimeBetween(at('2026-03-28T10:00:00Z'), at('2026-03-29T10:00:00Z'), paris)).toBe(0);
  });

  it('measures a window crossing the change at its real length', () => {
    const night: BusinessCalendar = { timeZone: 'Europe/Paris', days: [7], start: '01:00', end: '04:00' };
    // Sunday 01:00-04:00 is 2 h in March and 4 h in October.
    expect(businessTimeBetween(at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'), night)).toBe(2 * HOUR);
    expect(businessTimeBetween(at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'), night)).toBe(4 * HOUR);
  });

  it('sums a whole week of opening hours', () => {
    expect(businessTimeBetween(at('2026-03-23T00:00:00Z'), at('2026-03-30T00:00:00Z'), paris)).toBe(
      40 * HOUR,
    );
  });
});

describe('business calendars', () => {
  it('states the length of a business day', () => {
    expect(businessDayMs(paris)).toBe(8 * HOUR);
    expect(businessDayMs({ ...paris, start: '08:30', end: '24:00' })).toBe(15.5 * HOUR);
  });

  it.each<[Partial<BusinessCalendar>, string]>([
    [{ timeZone: 'Mars/Olympus' }, 'calendar.timeZone'],
    [{ days: [] }, 'calendar.days'],
    [{ days: [1, 1] }, 'calendar.days'],
    [{ days: [0] }, 'calendar.days'],
    [{ start: '9:00' }, 'calendar.start'],
    [{ start: '24:00' }, 'calendar.start'],
    [{ end: '24:01' }, 'calendar.end'],
    [{ end: '09:00' }, 'calendar.end'],
  ])('refuses %j, naming %s', (change, field) => {
    const check = () => {
      checkBusinessCalendar({ ...paris, ...change });
    };
    expect(check).toThrow(InvalidInputError);
    expect(check).toThrow(new RegExp(`^${field.replace('.', '\\.')}: `));
  });
});
