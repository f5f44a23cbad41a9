import fc from 'fast-check';
import { SEVERITIES } from '../incident.vocabulary';
import type { Severity } from '../incident.vocabulary';
import { checkBusinessCalendar } from './business-time';
import { clockDeadlines } from './sla-deadlines';
import { days, hours } from './sla-duration';
import { DEFAULT_SLA_POLICY } from './sla-policy';
import { slaTermsFor } from './sla-terms';
import { REQUEST_TYPES, SLA_CLOCKS, SLA_PARTY_KINDS } from './sla.vocabulary';

const cells = SLA_PARTY_KINDS.flatMap((kind) =>
  SEVERITIES.flatMap((severity) => REQUEST_TYPES.map((requestType) => ({ kind, severity, requestType }))),
);
/** From the most urgent down, each severity's deadline must come no later than the next one's. */
const BY_URGENCY: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

describe('DEFAULT_SLA_POLICY', () => {
  it('has a cell for every kind, severity and request type, with a positive duration on each clock', () => {
    expect(cells).toHaveLength(60);
    for (const { kind, severity, requestType } of cells) {
      const terms = slaTermsFor(DEFAULT_SLA_POLICY, kind, severity, requestType);
      expect(terms.acknowledgeWithinMs).toBeGreaterThan(0);
      expect(terms.actWithinMs).toBeGreaterThanOrEqual(terms.acknowledgeWithinMs);
    }
  });

  it('follows the norms where they are explicit', () => {
    const { table } = DEFAULT_SLA_POLICY;
    // ICANN Advisory: registrars and registries mitigate within 2 business days.
    expect(table.REGISTRAR.MEDIUM.TAKEDOWN).toEqual({
      acknowledgeWithin: days(1),
      actWithin: days(2),
      businessHours: true,
    });
    expect(table.REGISTRY.MEDIUM.TAKEDOWN.actWithin).toEqual(days(2));
    // Advisory: a compromised legitimate domain within three business days.
    expect(table.REGISTRAR.MEDIUM.INVESTIGATE.actWithin).toEqual(days(3));
    // Trusted Introducer: one working day.
    expect(table.CSIRT.MEDIUM.TAKEDOWN.acknowledgeWithin).toEqual(days(1));
    // RAA s3.18.3: reviewed within 24 h, round the clock.
    expect(table.REGISTRAR.HIGH.TAKEDOWN).toEqual({
      acknowledgeWithin: hours(4),
      actWithin: hours(24),
      businessHours: false,
    });
  });

  it('never lets a registrar or registry take more than the 72 h of NIS2 Art. 28(5) for registration data', () => {
    for (const kind of ['REGISTRAR', 'REGISTRY'] as const) {
      for (const severity of SEVERITIES) {
        const terms = slaTermsFor(DEFAULT_SLA_POLICY, kind, severity, 'INFORMATION');
        expect(terms.calendar).toBeNull();
        expect(terms.actWithinMs).toBeLessThanOrEqual(72 * 3_600_000);
      }
    }
  });

  it('gives every more urgent severity a deadline no later than the less urgent ones, from any start', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cells),
        fc.date({
          min: new Date('2026-01-01T00:00:00Z'),
          max: new Date('2026-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        ({ kind, requestType }, startedAt) => {
          const dues = BY_URGENCY.map((severity) =>
            clockDeadlines(startedAt, slaTermsFor(DEFAULT_SLA_POLICY, kind, severity, requestType)),
          );
          for (const clock of SLA_CLOCKS) {
            const instants = dues.map((due) => due[clock].dueAt.getTime());
            expect(instants).toEqual([...instants].sort((a, b) => a - b));
          }
        },
      ),
    );
  });

  it('reminds half-way and with a tenth of the time left, on valid calendars', () => {
    expect(DEFAULT_SLA_POLICY.reminderFractions).toEqual([0.5, 0.9]);
    for (const kind of SLA_PARTY_KINDS)
      expect(() => {
        checkBusinessCalendar(DEFAULT_SLA_POLICY.calendars[kind]);
      }).not.toThrow();
  });
});
