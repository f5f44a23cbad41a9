import { InvalidInputError } from '@app/core';
import { DEFAULT_SLA_POLICY } from './sla-policy';
import type { SlaPolicy } from './sla-policy';
import { slaTermsFor } from './sla-terms';

const HOUR = 3_600_000;
const OFFICE = { timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

describe('slaTermsFor', () => {
  it('reads the policy cell of the party kind, severity and request type', () => {
    expect(slaTermsFor(DEFAULT_SLA_POLICY, 'REGISTRAR', 'MEDIUM', 'TAKEDOWN')).toEqual({
      acknowledgeWithinMs: 8 * HOUR,
      actWithinMs: 16 * HOUR,
      calendar: OFFICE,
      reminderFractions: [0.5, 0.9],
      severity: 'MEDIUM',
      severityAssumed: false,
    });
  });

  it('runs round the clock, without a calendar, when the cell says so', () => {
    const terms = slaTermsFor(DEFAULT_SLA_POLICY, 'REGISTRY', 'CRITICAL', 'TAKEDOWN');
    expect(terms).toMatchObject({ acknowledgeWithinMs: HOUR, actWithinMs: 12 * HOUR, calendar: null });
  });

  it('reads an untriaged incident as MEDIUM and says so', () => {
    const untriaged = slaTermsFor(DEFAULT_SLA_POLICY, 'CSIRT', null, 'INVESTIGATE');
    const medium = slaTermsFor(DEFAULT_SLA_POLICY, 'CSIRT', 'MEDIUM', 'INVESTIGATE');
    expect(untriaged).toEqual({ ...medium, severityAssumed: true });
  });

  it('lets the party own hours set its calendar, and what a business day is worth', () => {
    const terms = slaTermsFor(DEFAULT_SLA_POLICY, 'REGISTRAR', 'MEDIUM', 'TAKEDOWN', {
      timeZone: 'Europe/Paris',
      businessStart: '08:00',
      businessEnd: '18:00',
    });
    expect(terms.calendar).toEqual({
      timeZone: 'Europe/Paris',
      days: [1, 2, 3, 4, 5],
      start: '08:00',
      end: '18:00',
    });
    expect(terms.acknowledgeWithinMs).toBe(10 * HOUR);
    expect(terms.actWithinMs).toBe(20 * HOUR);
  });

  it('replaces only the durations the party gives', () => {
    const terms = slaTermsFor(DEFAULT_SLA_POLICY, 'REGISTRAR', 'MEDIUM', 'TAKEDOWN', {
      acknowledgeWithinMs: 2 * HOUR,
    });
    expect(terms).toMatchObject({ acknowledgeWithinMs: 2 * HOUR, actWithinMs: 16 * HOUR, calendar: OFFICE });
  });

  it('keeps a round-the-clock cell round the clock whatever the party hours', () => {
    const terms = slaTermsFor(DEFAULT_SLA_POLICY, 'REGISTRAR', 'CRITICAL', 'TAKEDOWN', {
      actWithinMs: 6 * HOUR,
      businessDays: [1, 2, 3],
    });
    expect(terms).toMatchObject({ acknowledgeWithinMs: HOUR, actWithinMs: 6 * HOUR, calendar: null });
  });

  it('uses the policy reminder fractions and calendars', () => {
    const policy: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      reminderFractions: [0.75],
      calendars: { ...DEFAULT_SLA_POLICY.calendars, CSIRT: { ...OFFICE, end: '13:00' } },
    };
    expect(slaTermsFor(policy, 'CSIRT', 'LOW', 'INFORMATION')).toMatchObject({
      acknowledgeWithinMs: 8 * HOUR,
      actWithinMs: 20 * HOUR,
      reminderFractions: [0.75],
    });
  });

  it.each([
    [{ acknowledgeWithinMs: 0 }, 'slaOverride.acknowledgeWithinMs'],
    [{ actWithinMs: 1.5 }, 'slaOverride.actWithinMs'],
    [{ actWithinMs: 367 * 86_400_000 }, 'slaOverride.actWithinMs'],
    [{ timeZone: 'Nowhere/Land' }, 'slaOverride.timeZone'],
    [{ businessDays: [] }, 'slaOverride.businessDays'],
    [{ businessStart: '18:00' }, 'slaOverride.businessEnd'],
    [{ businessEnd: '25:00' }, 'slaOverride.businessEnd'],
  ])('refuses the override %j, naming %s', (override, field) => {
    const resolve = () => slaTermsFor(DEFAULT_SLA_POLICY, 'REGISTRAR', 'HIGH', 'TAKEDOWN', override);
    expect(resolve).toThrow(InvalidInputError);
    expect(resolve).toThrow(new RegExp(`^${field.replace('.', '\\.')}: `));
  });
});
