import { assertManagesOrganisation } from '@app/core';
import { organisationChangeHandler } from '../organisation-change.handler';
import { RemoveContactCommand } from './remove-contact.command';

export const RemoveContactHandler = organisationChangeHandler(RemoveContactCommand, {
  authorize: (viewer, organisationId) => {
    assertManagesOrganisation(viewer, organisationId, 'remove contacts');
  },
  toCommand: (input) => ({ type: 'RemoveContact', contactId: input.contactId }),
});
