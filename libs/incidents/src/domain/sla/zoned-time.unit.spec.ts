import {
  DAY_MS,
  epochDayOf,
  fromLocal,
  isKnownTimeZone,
  isoWeekdayOf,
  offsetAt,
  toLocal,
} from './zoned-time';

const at = (iso: string) => Date.parse(iso);
/** A wall-clock reading written as ISO without zone, as a local value. */
const local = (reading: string) => Date.parse(`${reading}Z`);
const HOUR = 3_600_000;

describe('zoned time from Intl offsets', () => {
  it('reads the offset of a zone at an instant, DST included', () => {
    expect(offsetAt(at('2026-01-15T12:00:00Z'), 'Europe/Paris')).toBe(HOUR);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), 'Europe/Paris')).toBe(2 * HOUR);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(offsetAt(at('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(offsetAt(at('2026-01-15T12:00:00.999Z'), 'UTC')).toBe(0);
  });

  it('turns an instant into its wall-clock reading, milliseconds kept', () => {
    expect(toLocal(at('2026-03-29T00:59:59.500Z'), 'Europe/Paris')).toBe(local('2026-03-29T01:59:59.500'));
    expect(toLocal(at('2026-03-29T01:00:00Z'), 'Europe/Paris')).toBe(local('2026-03-29T03:00:00'));
  });

  it('reads a wall-clock reading back as the instant it denotes', () => {
    expect(fromLocal(local('2026-03-30T09:00'), 'Europe/Paris')).toBe(at('2026-03-30T07:00:00Z'));
    expect(fromLocal(local('2026-03-27T09:00'), 'Europe/Paris')).toBe(at('2026-03-27T08:00:00Z'));
  });

  it('moves a reading skipped by the spring change past the gap (Paris, 2026-03-29 02:30)', () => {
    expect(fromLocal(local('2026-03-29T02:30'), 'Europe/Paris')).toBe(at('2026-03-29T01:30:00Z'));
    expect(toLocal(at('2026-03-29T01:30:00Z'), 'Europe/Paris')).toBe(local('2026-03-29T03:30'));
  });

  it('takes the earlier of a reading repeated by the autumn change (Paris, 2026-10-25 02:30)', () => {
    expect(fromLocal(local('2026-10-25T02:30'), 'Europe/Paris')).toBe(at('2026-10-25T00:30:00Z'));
    expect(fromLocal(local('2026-10-25T03:30'), 'Europe/Paris')).toBe(at('2026-10-25T02:30:00Z'));
  });

  it('handles zones whose change falls at midnight (America/Santiago, 2026-09-06)', () => {
    expect(fromLocal(local('2026-09-06T00:00'), 'America/Santiago')).toBe(at('2026-09-06T04:00:00Z'));
    expect(toLocal(at('2026-09-06T04:00:00Z'), 'America/Santiago')).toBe(local('2026-09-06T01:00'));
  });

  it('numbers days from 1970-01-01 and names ISO weekdays', () => {
    expect(epochDayOf(local('1970-01-01T23:59'))).toBe(0);
    expect(epochDayOf(local('1969-12-31T23:59'))).toBe(-1);
    expect(isoWeekdayOf(0)).toBe(4);
    expect(isoWeekdayOf(epochDayOf(local('2026-03-29T12:00')))).toBe(7);
    expect(isoWeekdayOf(epochDayOf(local('2026-03-30T12:00')))).toBe(1);
    expect(isoWeekdayOf(-1)).toBe(3);
    expect(DAY_MS).toBe(24 * HOUR);
  });

  it('knows IANA zones and refuses anything else', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Europe/Atlantis')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
