import { assertCoordinator, InvalidInputError } from '@app/core';
import { organisationChangeHandler } from '../organisation-change.handler';
import { RevokeVerificationCommand } from './revoke-verification.command';

export const RevokeVerificationHandler = organisationChangeHandler(RevokeVerificationCommand, {
  authorize: (viewer) => {
    assertCoordinator(viewer, 'revoke verifications');
  },
  toCommand: (input) => {
    const reason = input.reason.trim();
    if (reason === '' || reason.length > 2000) {
      throw new InvalidInputError('reason', input.reason, 'must be between 1 and 2000 characters');
    }
    return { type: 'RevokeVerification', reason };
  },
});
