import { assertCoordinator, InvalidInputError } from '@app/core';
import type { SlaTermsOverride } from '../../domain/organisation.types';
import { checkTimeZone } from '../../reference-data/contact-values';
import { organisationChangeHandler } from '../organisation-change.handler';
import { type SetSlaTermsRequest, SetSlaTermsCommand } from './set-sla-terms.command';

const MAX_HOURS = 366 * 24;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Terms are agreed with the centre, so coordinators set them: a party must not lengthen its own deadlines. */
export const SetSlaTermsHandler = organisationChangeHandler(SetSlaTermsCommand, {
  authorize: (viewer) => {
    assertCoordinator(viewer, "set an organisation's SLA terms");
  },
  toCommand: (input) => ({ type: 'SetSlaTerms', terms: input === null ? null : parseSlaTerms(input) }),
});

function parseSlaTerms(input: SetSlaTermsRequest): SlaTermsOverride {
  const terms: { -readonly [K in keyof SlaTermsOverride]: SlaTermsOverride[K] } = {};
  const hours = (field: string, value: number | null | undefined): number | undefined => {
    if (value === null || value === undefined) return undefined;
    if (!Number.isFinite(value) || value <= 0 || value > MAX_HOURS) {
      throw new InvalidInputError(field, value, `must be more than 0 and at most ${MAX_HOURS} hours`);
    }
    return Math.round(value * 3_600_000);
  };
  const ack = hours('acknowledgeWithinHours', input.acknowledgeWithinHours);
  if (ack !== undefined) terms.acknowledgeWithinMs = ack;
  const act = hours('actWithinHours', input.actWithinHours);
  if (act !== undefined) terms.actWithinMs = act;
  if (input.timeZone) {
    const zone = checkTimeZone(input.timeZone);
    if (!zone.ok) throw new InvalidInputError('timeZone', input.timeZone, zone.reason);
    terms.timeZone = zone.value;
  }
  if (input.businessDays?.length) {
    const days = [...new Set(input.businessDays)].sort();
    if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
      throw new InvalidInputError(
        'businessDays',
        input.businessDays,
        'must be ISO weekdays, 1 (Monday) to 7 (Sunday)',
      );
    }
    terms.businessDays = days;
  }
  for (const field of ['businessStart', 'businessEnd'] as const) {
    const value = input[field];
    if (value === null || value === undefined) continue;
    if (!CLOCK_TIME.test(value)) throw new InvalidInputError(field, value, 'must be a time of day as HH:MM');
    terms[field] = value;
  }
  if (terms.businessStart && terms.businessEnd && terms.businessStart >= terms.businessEnd) {
    throw new InvalidInputError('businessEnd', terms.businessEnd, 'must be after businessStart');
  }
  return terms;
}
