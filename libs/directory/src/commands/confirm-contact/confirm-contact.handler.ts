import { assertManagesOrganisation } from '@app/core';
import { organisationChangeHandler } from '../organisation-change.handler';
import { ConfirmContactCommand } from './confirm-contact.command';

export const ConfirmContactHandler = organisationChangeHandler(ConfirmContactCommand, {
  authorize: (viewer, organisationId) => {
    assertManagesOrganisation(viewer, organisationId, 'confirm contacts');
  },
  toCommand: (input, now) => ({
    type: 'ConfirmContact',
    contactId: input.contactId,
    confirmedAt: now.toISOString(),
  }),
});
