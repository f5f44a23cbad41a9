import type { BusinessCalendar } from './business-time';
import { days, durationMs, formatIsoDuration, hours, parseIsoDuration, seconds } from './sla-duration';

const HOUR = 3_600_000;
const office: BusinessCalendar = { timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

describe('SLA durations', () => {
  it.each([
    ['P2D', { days: 2, ms: 0 }],
    ['PT24H', { days: 0, ms: 24 * HOUR }],
    ['PT36H', { days: 0, ms: 36 * HOUR }],
    ['P1DT12H', { days: 1, ms: 12 * HOUR }],
    ['PT90M', { days: 0, ms: 90 * 60_000 }],
    ['PT5S', { days: 0, ms: 5000 }],
    ['PT1H30M15S', { days: 0, ms: HOUR + 30 * 60_000 + 15_000 }],
    ['P0D', { days: 0, ms: 0 }],
  ])('reads %s', (text, duration) => {
    expect(parseIsoDuration(text)).toEqual(duration);
  });

  it.each(['', 'P', 'PT', 'P1DT', 'P1W', 'P1M', 'P1Y', 'PT1.5H', 'pt5s', '24h', 'P-1D', ' PT5S', 'PT5S '])(
    'refuses %j',
    (text) => {
      expect(parseIsoDuration(text)).toBeNull();
    },
  );

  it('counts days as business days on a calendar, and as 24 h without one', () => {
    expect(durationMs(days(2), office)).toBe(16 * HOUR);
    expect(durationMs(days(2), null)).toBe(48 * HOUR);
    expect(durationMs({ days: 1, ms: 2 * HOUR }, office)).toBe(10 * HOUR);
  });

  it('counts hours as they are on either clock', () => {
    expect(durationMs(hours(24), office)).toBe(24 * HOUR);
    expect(durationMs(hours(24), null)).toBe(24 * HOUR);
    expect(durationMs(seconds(3), null)).toBe(3000);
  });

  it('writes durations back as ISO 8601', () => {
    expect(formatIsoDuration(days(2))).toBe('P2D');
    expect(formatIsoDuration(hours(72))).toBe('PT72H');
    expect(formatIsoDuration({ days: 1, ms: 90 * 60_000 })).toBe('P1DT1H30M');
    expect(formatIsoDuration(seconds(5))).toBe('PT5S');
    expect(formatIsoDuration({ days: 0, ms: 0 })).toBe('PT0S');
  });
});
