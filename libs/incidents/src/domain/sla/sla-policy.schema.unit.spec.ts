import { slaOverrideSchema, jsonPath } from './sla-policy.schema';
import type { SlaOverride } from './sla-terms';

describe('slaOverrideSchema', () => {
  it('accepts an organisation own terms, in the shape slaTermsFor takes', () => {
    const override: SlaOverride = slaOverrideSchema.parse({
      acknowledgeWithinMs: 7_200_000,
      timeZone: 'Europe/Zurich',
      businessDays: [1, 2, 3, 4, 5],
      businessStart: '08:00',
      businessEnd: '17:30',
    });
    expect(override).toEqual({
      acknowledgeWithinMs: 7_200_000,
      timeZone: 'Europe/Zurich',
      businessDays: [1, 2, 3, 4, 5],
      businessStart: '08:00',
      businessEnd: '17:30',
    });
    expect(slaOverrideSchema.parse({})).toEqual({});
  });

  it.each([
    [{ acknowledgeWithinMs: 0 }, 'acknowledgeWithinMs'],
    [{ actWithinMs: 1.5 }, 'actWithinMs'],
    [{ actWithinMs: 400 * 86_400_000 }, 'actWithinMs'],
    [{ timeZone: 'CEST' }, 'timeZone'],
    [{ businessDays: [8] }, 'businessDays'],
    [{ businessStart: '8:00' }, 'businessStart'],
    [{ slaHours: 2 }, ''],
  ])('refuses %j', (override, field) => {
    const result = slaOverrideSchema.safeParse(override);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0] ?? '').toBe(field);
  });
});

describe('jsonPath', () => {
  it('writes zod paths as JSON paths', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['rows', 2, 'actWithin'])).toBe('$.rows[2].actWithin');
    expect(jsonPath(['businessHours', 'Europe/Paris'])).toBe('$.businessHours["Europe/Paris"]');
  });
});
