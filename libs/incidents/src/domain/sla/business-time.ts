/**
 * Business time: the hours a party's office is open, in its own time zone. SLA clocks that run on
 * business hours count only these, so a Friday-evening escalation is not breached on Monday at dawn.
 */
import { InvalidInputError } from '@app/core';
import {
  DAY_MS,
  MINUTE_MS,
  epochDayOf,
  fromLocal,
  isKnownTimeZone,
  isoWeekdayOf,
  toLocal,
} from './zoned-time';

/** When a party works: `days` in ISO numbering (1 = Monday ... 7 = Sunday), `start`-`end` local time. */
export interface BusinessCalendar {
  /** IANA time zone, e.g. `Europe/Paris`. */
  readonly timeZone: string;
  readonly days: readonly number[];
  /** `HH:MM`, 00:00-23:59. */
  readonly start: string;
  /** `HH:MM` after `start`; `24:00` is the end of the day. */
  readonly end: string;
}

/** One business window, as instants (epoch ms), end exclusive. */
interface BusinessWindow {
  readonly start: number;
  readonly end: number;
}

const CLOCK_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after midnight of an `HH:MM` reading up to 24:00, or null when it is not one. */
export function minutesOfClockTime(value: string): number | null {
  const match = CLOCK_TIME.exec(value);
  if (match === null) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

/**
 * Throws unless the calendar can be counted on: a known zone, at least one day, `start` before `end`.
 * A calendar without days would make every deadline infinitely far, so it is refused, not looped on.
 *
 * @param fieldOf how the caller names each field in the error (an override says `businessStart`).
 * @throws InvalidInputError naming the offending field.
 */
export function checkBusinessCalendar(
  calendar: BusinessCalendar,
  fieldOf: (field: keyof BusinessCalendar) => string = (field) => `calendar.${field}`,
): void {
  if (!isKnownTimeZone(calendar.timeZone)) {
    throw new InvalidInputError(fieldOf('timeZone'), calendar.timeZone, 'must be an IANA time zone');
  }
  const days = calendar.days;
  if (days.length === 0 || new Set(days).size !== days.length || !days.every(isIsoWeekday)) {
    throw new InvalidInputError(
      fieldOf('days'),
      days,
      'must be distinct ISO weekdays, 1 = Monday ... 7 = Sunday',
    );
  }
  const start = minutesOfClockTime(calendar.start);
  if (start === null || start >= 24 * 60) {
    throw new InvalidInputError(fieldOf('start'), calendar.start, 'must be HH:MM between 00:00 and 23:59');
  }
  const end = minutesOfClockTime(calendar.end);
  if (end === null || end <= start) {
    throw new InvalidInputError(
      fieldOf('end'),
      calendar.end,
      `must be HH:MM after start (${calendar.start})`,
    );
  }
}

function isIsoWeekday(day: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= 7;
}

/**
 * Length of one business day in ms, as the calendar states it. Policies say "2 business days";
 * this is what one of them is worth on this calendar (a DST change at night does not touch it).
 */
export function businessDayMs(calendar: BusinessCalendar): number {
  checkBusinessCalendar(calendar);
  return ((minutesOfClockTime(calendar.end) ?? 0) - (minutesOfClockTime(calendar.start) ?? 0)) * MINUTE_MS;
}

/**
 * The instant `durationMs` of business time after `start`; `null` calendar counts wall-clock time.
 * Duration 0 gives the next business instant (`start` itself when inside business hours). A
 * duration that uses up a window exactly ends at that window's end, not at the next one's start:
 * "within one business day" from Monday 09:00 is due Monday 17:00.
 */
export function addBusinessTime(start: Date, durationMs: number, calendar: BusinessCalendar | null): Date {
  checkDuration(durationMs);
  const from = instantOf(start);
  if (calendar === null) return new Date(from + durationMs);
  let remaining = durationMs;
  for (const window of windowsEndingAfter(from, calendar)) {
    const opensAt = Math.max(window.start, from);
    const available = window.end - opensAt;
    if (remaining <= available) return new Date(opensAt + remaining);
    remaining -= available;
  }
  throw new RangeError('unreachable: a checked calendar has business windows every week');
}

/**
 * Ms of business time in [from, to); 0 when `to` is not after `from`. Carries a clock's remaining
 * time across a pause: the deadline moves by the business time the pause took, no more.
 */
export function businessTimeBetween(from: Date, to: Date, calendar: BusinessCalendar | null): number {
  const start = instantOf(from);
  const end = instantOf(to);
  if (end <= start) return 0;
  if (calendar === null) return end - start;
  let total = 0;
  for (const window of windowsEndingAfter(start, calendar)) {
    if (window.start >= end) break;
    total += Math.min(window.end, end) - Math.max(window.start, start);
  }
  return total;
}

/** Business windows in time order, from the first that ends after `instant`; never ends. */
function* windowsEndingAfter(instant: number, calendar: BusinessCalendar): Generator<BusinessWindow> {
  checkBusinessCalendar(calendar);
  const startMinutes = minutesOfClockTime(calendar.start) ?? 0;
  const endMinutes = minutesOfClockTime(calendar.end) ?? 0;
  let previousEnd = -Infinity;
  // From the day before: cheap insurance should a zone's offset ever reach back across midnight.
  for (let day = epochDayOf(toLocal(instant, calendar.timeZone)) - 1; ; day += 1) {
    if (!calendar.days.includes(isoWeekdayOf(day))) continue;
    const opening = fromLocal(day * DAY_MS + startMinutes * MINUTE_MS, calendar.timeZone);
    // A date the zone skipped (Pacific/Apia, 2011-12-30) has no business hours: they would land on the next day.
    if (epochDayOf(toLocal(opening, calendar.timeZone)) !== day) continue;
    const start = Math.max(previousEnd, opening);
    const end = fromLocal(day * DAY_MS + endMinutes * MINUTE_MS, calendar.timeZone);
    // A window can shrink to nothing when a DST gap swallows it (02:00-03:00 on change day).
    if (end <= start) continue;
    previousEnd = end;
    if (end > instant) yield { start, end };
  }
}

/** Epoch ms of a valid date; an Invalid Date would send the day-by-day walk on forever. */
function instantOf(date: Date): number {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new RangeError('expected a valid date, got Invalid Date');
  return instant;
}

function checkDuration(durationMs: number): void {
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`duration must be a finite number of ms >= 0, got ${durationMs}`);
  }
}
