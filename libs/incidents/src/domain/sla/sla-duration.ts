/**
 * Durations as SLA norms state them: "2 business days", "within 24 hours". Days are kept apart from
 * hours because a business day is worth the calendar's opening hours (8 h for 09:00-17:00), while
 * on a wall clock it is 24 h; hours, minutes and seconds are always what they say.
 */
import type { BusinessCalendar } from './business-time';
import { businessDayMs } from './business-time';
import { DAY_MS } from './zoned-time';

export interface Duration {
  /** Whole days: business days when the clock counts business hours, else 24 h each. */
  readonly days: number;
  /** Hours, minutes and seconds, in ms; never folded into days (PT36H stays 36 h). */
  readonly ms: number;
}

/** A year: no SLA is longer, and business time is walked day by day, so a typo must not mean a century. */
export const LONGEST_DURATION_DAYS = 366;

export const hours = (count: number): Duration => ({ days: 0, ms: count * 3_600_000 });
export const days = (count: number): Duration => ({ days: count, ms: 0 });
export const seconds = (count: number): Duration => ({ days: 0, ms: count * 1000 });

/**
 * ISO 8601 durations with days and time only (`P2D`, `PT24H`, `P1DT12H`, `PT90M`, `PT5S`). Years,
 * months and weeks are refused: months have no fixed length, and whether a week is 5 or 7 days
 * is exactly the ambiguity a policy must not have.
 */
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** The duration an ISO 8601 text denotes, or null when it is not one this module accepts. */
export function parseIsoDuration(text: string): Duration | null {
  const match = ISO_DURATION.exec(text);
  // "P" and "PT" alone match the pattern but state nothing.
  if (match === null || text === 'P' || text.endsWith('T')) return null;
  const count = (group: string | undefined) => Number(group ?? 0);
  return {
    days: count(match[1]),
    ms: (count(match[2]) * 3600 + count(match[3]) * 60 + count(match[4])) * 1000,
  };
}

/** The duration in ms on the clock it runs on: business ms under a calendar, elapsed ms without. */
export function durationMs(duration: Duration, calendar: BusinessCalendar | null): number {
  const dayMs = calendar === null ? DAY_MS : businessDayMs(calendar);
  return duration.days * dayMs + duration.ms;
}

/** ISO 8601 text of a duration, for documents and messages (`P2D`, `PT1H30M`, `PT0S`). */
export function formatIsoDuration(duration: Duration): string {
  const totalSeconds = Math.round(duration.ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const time = `${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${s > 0 ? `${s}S` : ''}`;
  const date = duration.days > 0 ? `${duration.days}D` : '';
  if (date === '' && time === '') return 'PT0S';
  return `P${date}${time === '' ? '' : `T${time}`}`;
}
