/**
 * Wall-clock time in an IANA time zone, from `Intl.DateTimeFormat` offsets alone: no time-zone
 * library, so the rules are whatever ICU data the Node runtime ships.
 *
 * A "local" value is the zone's wall-clock reading encoded as if it were UTC epoch milliseconds,
 * which makes calendar arithmetic on it plain integer arithmetic.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one is far dearer than formatting with it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `Intl` knows the zone (IANA names such as `Europe/Paris`, and `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `instant` in ms, east positive (Paris in summer: +7_200_000). */
export function offsetAt(instant: number, timeZone: string): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = Number(part.value);
  const wallClock = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  wallClock.setUTCFullYear(fields.year ?? 1970, (fields.month ?? 1) - 1, fields.day ?? 1);
  wallClock.setUTCHours(fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, 0);
  // Intl shows whole seconds, so compare with the instant cut to its second.
  return wallClock.getTime() - (instant - mod(instant, 1000));
}

/** The wall-clock reading of `instant` in the zone, as a local value. */
export function toLocal(instant: number, timeZone: string): number {
  return instant + offsetAt(instant, timeZone);
}

/**
 * The instant a wall-clock reading denotes, disambiguated as Temporal's `compatible` does: a
 * reading that occurs twice (clocks set back) is its earlier instant; one that never occurs
 * (clocks set forward) is read with the offset before the change, so it lands after the gap.
 * Assumes no zone changes its offset twice within two days, which holds for all IANA zones in use.
 */
export function fromLocal(local: number, timeZone: string): number {
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  // No change nearby, the usual case: one reading, one instant.
  if (before === after) return local - before;
  const candidates = [before, after]
    .map((offset) => local - offset)
    .filter((instant) => toLocal(instant, timeZone) === local);
  return candidates.length > 0 ? Math.min(...candidates) : local - before;
}

/** Days since 1970-01-01 of a local value's calendar date. */
export function epochDayOf(local: number): number {
  return Math.floor(local / DAY_MS);
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of an epoch day; 1970-01-01 was a Thursday. */
export function isoWeekdayOf(epochDay: number): number {
  return mod(epochDay + 3, 7) + 1;
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
