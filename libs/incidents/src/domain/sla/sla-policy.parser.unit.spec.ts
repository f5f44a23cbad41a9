import { SEVERITIES } from '../incident.vocabulary';
import { days, hours, seconds } from './sla-duration';
import { DEFAULT_SLA_POLICY } from './sla-policy';
import { InvalidSlaPolicyError } from './sla-policy.errors';
import { parseSlaPolicy } from './sla-policy.parser';
import { REQUEST_TYPES, SLA_PARTY_KINDS } from './sla.vocabulary';

const problemsOf = (json: unknown): readonly string[] => {
  try {
    parseSlaPolicy(json);
  } catch (error) {
    if (error instanceof InvalidSlaPolicyError) return error.problems;
    throw error;
  }
  throw new Error('the policy was accepted');
};
const everyCell = SLA_PARTY_KINDS.flatMap((kind) =>
  SEVERITIES.flatMap((severity) => REQUEST_TYPES.map((requestType) => ({ kind, severity, requestType }))),
);

describe('parseSlaPolicy', () => {
  it('keeps the default policy for an empty file', () => {
    expect(parseSlaPolicy({})).toEqual(DEFAULT_SLA_POLICY);
  });

  it('runs every clock in seconds with the demo policy', () => {
    const policy = parseSlaPolicy({
      default: { acknowledgeWithin: 'PT3S', actWithin: 'PT6S', businessHours: false },
    });
    for (const { kind, severity, requestType } of everyCell) {
      expect(policy.table[kind][severity][requestType]).toEqual({
        acknowledgeWithin: seconds(3),
        actWithin: seconds(6),
        businessHours: false,
      });
    }
  });

  it('takes whole seconds as durations', () => {
    const policy = parseSlaPolicy({ default: { acknowledgeWithin: 3, actWithin: 86_400 } });
    expect(policy.table.CSIRT.LOW.INFORMATION).toEqual({
      acknowledgeWithin: seconds(3),
      actWithin: seconds(86_400),
      businessHours: true,
    });
  });

  it('lays rows over the default, field by field, the most specific on top', () => {
    const policy = parseSlaPolicy({
      default: { acknowledgeWithin: 'PT10H' },
      rows: [
        { kind: 'REGISTRAR', severity: 'CRITICAL', requestType: 'TAKEDOWN', actWithin: 'PT2H' },
        { kind: 'REGISTRAR', actWithin: 'P4D', businessHours: true },
        { kind: 'REGISTRAR', severity: 'CRITICAL', acknowledgeWithin: 'PT30M' },
      ],
    });
    expect(policy.table.REGISTRAR.CRITICAL.TAKEDOWN).toEqual({
      acknowledgeWithin: { days: 0, ms: 30 * 60_000 },
      actWithin: hours(2),
      businessHours: true,
    });
    expect(policy.table.REGISTRAR.CRITICAL.INFORMATION).toEqual({
      acknowledgeWithin: { days: 0, ms: 30 * 60_000 },
      actWithin: days(4),
      businessHours: true,
    });
    expect(policy.table.REGISTRAR.LOW.INVESTIGATE).toEqual({
      acknowledgeWithin: hours(10),
      actWithin: days(4),
      businessHours: true,
    });
    // Not matched by any row: the default row, then the built-in cell.
    expect(policy.table.CSIRT.HIGH.TAKEDOWN).toEqual({
      ...DEFAULT_SLA_POLICY.table.CSIRT.HIGH.TAKEDOWN,
      acknowledgeWithin: hours(10),
    });
  });

  it('lets the later of two equally specific rows win', () => {
    const policy = parseSlaPolicy({
      rows: [
        { kind: 'REGISTRY', actWithin: 'P1D' },
        { severity: 'LOW', actWithin: 'P9D' },
      ],
    });
    expect(policy.table.REGISTRY.LOW.TAKEDOWN.actWithin).toEqual(days(9));
    expect(policy.table.REGISTRY.HIGH.TAKEDOWN.actWithin).toEqual(days(1));
  });

  it('lays business hours over the kind calendars: the kind entry, then default, then built in', () => {
    const policy = parseSlaPolicy({
      businessHours: {
        default: { timeZone: 'Europe/Paris', end: '18:00' },
        REGISTRY: { days: [1, 2, 3, 4], start: '08:00' },
      },
    });
    expect(policy.calendars.REGISTRY).toEqual({
      timeZone: 'Europe/Paris',
      days: [1, 2, 3, 4],
      start: '08:00',
      end: '18:00',
    });
    expect(policy.calendars.CSIRT).toEqual({
      timeZone: 'Europe/Paris',
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
    });
  });

  it('sorts reminder fractions', () => {
    expect(parseSlaPolicy({ reminderFractions: [0.9, 0.25] }).reminderFractions).toEqual([0.25, 0.9]);
    expect(parseSlaPolicy({ reminderFractions: [] }).reminderFractions).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a policy that is not an object', [], '$: must be a JSON object'],
    [
      'an unknown key',
      { defaults: {} },
      '$: unknown key "defaults" (known: $schema, description, default, rows, reminderFractions, businessHours)',
    ],
    [
      'a misspelt field',
      { default: { acknowledgedWithin: 'PT1H' } },
      '$.default: unknown key "acknowledgedWithin" (known: acknowledgeWithin, actWithin, businessHours)',
    ],
    ['a week', { default: { actWithin: 'P1W' } }, '$.default.actWithin: must be an ISO 8601 duration'],
    [
      'a zero duration',
      { default: { actWithin: 'PT0S' } },
      '$.default.actWithin: must be an ISO 8601 duration',
    ],
    ['a century', { default: { actWithin: 'P36500D' } }, '$.default.actWithin: must be at most P366D'],
    [
      'fractional seconds',
      { rows: [{ kind: 'CSIRT', actWithin: 1.5 }] },
      '$.rows[0].actWithin: must be an ISO 8601',
    ],
    [
      'a boolean duration',
      { default: { actWithin: true } },
      '$.default.actWithin: must be an ISO 8601 duration',
    ],
    ['a text flag', { default: { businessHours: 'yes' } }, '$.default.businessHours: must be true or false'],
    [
      'an unknown kind',
      { rows: [{ kind: 'ISP', actWithin: 'P1D' }] },
      '$.rows[0].kind: must be one of CSIRT, REGISTRY',
    ],
    [
      'an unknown severity',
      { rows: [{ severity: 'URGENT', actWithin: 'P1D' }] },
      '$.rows[0].severity: must be one of LOW',
    ],
    [
      'a row for everything',
      { rows: [{ actWithin: 'P1D' }] },
      '$.rows[0]: needs at least one of kind, severity',
    ],
    ['a row giving nothing', { rows: [{ kind: 'CSIRT' }] }, '$.rows[0]: gives none of acknowledgeWithin'],
    [
      'two rows for the same cells',
      {
        rows: [
          { kind: 'CSIRT', actWithin: 'P1D' },
          { kind: 'CSIRT', acknowledgeWithin: 'PT1H' },
        ],
      },
      '$.rows[1]: selects the same kind/severity/requestType as $.rows[0]',
    ],
    ['a fraction of 1', { reminderFractions: [0.5, 1] }, '$.reminderFractions[1]: must be less than 1'],
    [
      'a repeated fraction',
      { reminderFractions: [0.5, 0.5] },
      '$.reminderFractions: must not repeat a fraction',
    ],
    [
      'an unknown zone',
      { businessHours: { CSIRT: { timeZone: 'Paris' } } },
      '$.businessHours.CSIRT.timeZone: must be an IANA',
    ],
    [
      'an unknown calendar kind',
      { businessHours: { ISP: {} } },
      '$.businessHours: unknown key "ISP" (known: default, CSIRT, REGISTRY',
    ],
    [
      'day 0',
      { businessHours: { default: { days: [0, 1] } } },
      '$.businessHours.default.days[0]: must be 1-7',
    ],
    [
      'no days',
      { businessHours: { default: { days: [] } } },
      '$.businessHours.default.days: must name at least one day',
    ],
    [
      'a start at 24:00',
      { businessHours: { CSIRT: { start: '24:00' } } },
      '$.businessHours.CSIRT.start: must be "HH:MM", 00:00-23:59',
    ],
    [
      'an end of 9:00',
      { businessHours: { CSIRT: { end: '9:00' } } },
      '$.businessHours.CSIRT.end: must be "HH:MM", 00:00-24:00',
    ],
    [
      'an end before the start',
      { businessHours: { default: { start: '18:00' } } },
      '$.businessHours.CSIRT.end: must be HH:MM after start (18:00)',
    ],
  ])('refuses %s, naming where', (_case, json, problem) => {
    expect(problemsOf(json)).toContainEqual(expect.stringContaining(problem));
  });

  it('lists every problem, not just the first', () => {
    expect(
      problemsOf({
        default: { actWithin: 'soon' },
        rows: [{ kind: 'ISP', actWithin: 'P1D' }],
        reminderFractions: [2],
      }),
    ).toHaveLength(3);
  });

  it('says what is wrong in the error message', () => {
    expect(() => parseSlaPolicy({ default: { actWithin: 'P1M' } })).toThrow(
      'Invalid SLA policy: $.default.actWithin: must be an ISO 8601 duration such as "PT24H", "P2D" or "PT5S", ' +
        'or whole seconds (86400), longer than zero',
    );
  });
});
