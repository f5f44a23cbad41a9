import { assertCoordinator, InvalidInputError } from '@app/core';
import { organisationChangeHandler } from '../organisation-change.handler';
import { VerifyOrganisationCommand } from './verify-organisation.command';

/** Trusted Introducer and FIRST re-check their members yearly; so does the default here. */
export const DEFAULT_VERIFICATION_DAYS = 365;
const MAX_VERIFICATION_DAYS = 3 * 365;
const MAX_NOTE_LENGTH = 2000;
const DAY_MS = 86_400_000;

export const VerifyOrganisationHandler = organisationChangeHandler(VerifyOrganisationCommand, {
  authorize: (viewer) => {
    assertCoordinator(viewer, 'verify organisations');
  },
  toCommand: (input, now, viewer) => {
    const days = input.validForDays ?? DEFAULT_VERIFICATION_DAYS;
    if (!Number.isInteger(days) || days < 1 || days > MAX_VERIFICATION_DAYS) {
      throw new InvalidInputError(
        'validForDays',
        days,
        `must be a whole number of days from 1 to ${MAX_VERIFICATION_DAYS}`,
      );
    }
    const note = input.note?.trim() ?? '';
    if (note.length > MAX_NOTE_LENGTH)
      throw new InvalidInputError('note', input.note, `must be at most ${MAX_NOTE_LENGTH} characters`);
    return {
      type: 'VerifyOrganisation',
      method: input.method,
      note: note === '' ? null : note,
      verifiedByMemberId: viewer.memberId,
      verifiedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
    };
  },
});
