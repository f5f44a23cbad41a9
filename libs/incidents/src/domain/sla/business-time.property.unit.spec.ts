import fc from 'fast-check';
import type { BusinessCalendar } from './business-time';
import { addBusinessTime, businessDayMs, businessTimeBetween } from './business-time';

/**
 * Zones with DST in either hemisphere, a half-hour and a 45-minute offset, a change at midnight
 * (Santiago) and none at all, so that calendars meet gaps and repeated hours.
 */
const zones = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'America/Santiago',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham',
];
const quarterHour = (quarters: number) =>
  `${String(Math.floor(quarters / 4)).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;

const calendars: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    hours: fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 2 }),
  })
  .map(({ timeZone, days, hours }) => {
    const [start = 0, end = 96] = [...hours].sort((a, b) => a - b);
    return { timeZone, days, start: quarterHour(start), end: quarterHour(end) };
  });

/** Around the 2026 changes of the zones above, where bugs hide, and anywhere in 2025-2027. */
const CHANGES = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-09-06',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
];
const instants: fc.Arbitrary<Date> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...CHANGES), fc.integer({ min: -3 * 86_400, max: 3 * 86_400 }))
    .map(([day, offsetSeconds]) => new Date(Date.parse(`${day}T00:00:00Z`) + offsetSeconds * 1000)),
  fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
);
/** Up to ten business days of the calendar, to the ms. */
const durationOn = (calendar: BusinessCalendar) => fc.integer({ min: 0, max: 10 * businessDayMs(calendar) });
/** Two instants at most three weeks apart, in order: the spans SLA clocks cover. */
const spans: fc.Arbitrary<[Date, Date]> = fc
  .tuple(instants, fc.integer({ min: 0, max: 21 * 86_400_000 }))
  .map(([start, length]) => [start, new Date(start.getTime() + length)]);

const isOpenAt = (instant: Date, calendar: BusinessCalendar) =>
  businessTimeBetween(instant, new Date(instant.getTime() + 1), calendar) === 1;

describe('business time, for any calendar and start', () => {
  it('adding the business time between two instants lands on the second, when it is inside business hours', () => {
    fc.assert(
      fc.property(calendars, spans, (calendar, [start, end]) => {
        // Opening time itself is the previous closing time in business time: see the next property.
        fc.pre(isOpenAt(end, calendar) && isOpenAt(new Date(end.getTime() - 1), calendar));
        expect(addBusinessTime(start, businessTimeBetween(start, end, calendar), calendar)).toEqual(end);
      }),
    );
  });

  it('adding the business time between two instants lands on the same business instant as the second', () => {
    fc.assert(
      fc.property(calendars, spans, (calendar, [start, end]) => {
        const between = businessTimeBetween(start, end, calendar);
        // None at all is a zero duration: the next opening, which may come after `end`.
        fc.pre(between > 0);
        const landed = addBusinessTime(start, between, calendar);
        expect(landed.getTime()).toBeLessThanOrEqual(end.getTime());
        expect(businessTimeBetween(landed, end, calendar)).toBe(0);
      }),
    );
  });

  it('measures back exactly the business time it added', () => {
    const withDuration = calendars.chain((calendar) => fc.tuple(fc.constant(calendar), durationOn(calendar)));
    fc.assert(
      fc.property(withDuration, instants, ([calendar, duration], start) => {
        const due = addBusinessTime(start, duration, calendar);
        expect(businessTimeBetween(start, due, calendar)).toBe(duration);
        expect(due.getTime() - start.getTime()).toBeGreaterThanOrEqual(duration);
      }),
    );
  });

  it('is monotonic in the start and in the duration', () => {
    fc.assert(
      fc.property(calendars, spans, fc.nat(), fc.nat(), (calendar, [early, late], x, y) => {
        const limit = 5 * businessDayMs(calendar);
        const [short, long] = [x % limit, y % limit].sort((m, n) => m - n) as [number, number];
        expect(addBusinessTime(early, short, calendar) <= addBusinessTime(late, short, calendar)).toBe(true);
        expect(addBusinessTime(early, short, calendar) <= addBusinessTime(early, long, calendar)).toBe(true);
      }),
    );
  });

  it('moves a zero duration to the next business instant, never earlier than the start', () => {
    fc.assert(
      fc.property(calendars, instants, (calendar, start) => {
        const opened = addBusinessTime(start, 0, calendar);
        expect(opened >= start).toBe(true);
        expect(businessTimeBetween(start, opened, calendar)).toBe(0);
        expect(isOpenAt(opened, calendar)).toBe(true);
      }),
    );
  });

  it('adds up over consecutive spans and never exceeds elapsed time', () => {
    fc.assert(
      fc.property(
        calendars,
        spans,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (calendar, [first, last], cut) => {
          const middle = new Date(first.getTime() + Math.round(cut * (last.getTime() - first.getTime())));
          const whole = businessTimeBetween(first, last, calendar);
          expect(whole).toBe(
            businessTimeBetween(first, middle, calendar) + businessTimeBetween(middle, last, calendar),
          );
          expect(whole).toBeLessThanOrEqual(last.getTime() - first.getTime());
        },
      ),
    );
  });

  it('is plain elapsed time without a calendar', () => {
    fc.assert(
      fc.property(instants, fc.nat({ max: 30 * 86_400_000 }), (start, duration) => {
        const due = addBusinessTime(start, duration, null);
        expect(due.getTime() - start.getTime()).toBe(duration);
        expect(businessTimeBetween(start, due, null)).toBe(duration);
      }),
    );
  });
});
