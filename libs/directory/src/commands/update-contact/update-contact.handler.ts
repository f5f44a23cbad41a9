import { assertManagesOrganisation } from '@app/core';
import { organisationChangeHandler } from '../organisation-change.handler';
import { parseContactDetails } from '../organisation-input.parsers';
import { UpdateContactCommand } from './update-contact.command';

export const UpdateContactHandler = organisationChangeHandler(UpdateContactCommand, {
  authorize: (viewer, organisationId) => {
    assertManagesOrganisation(viewer, organisationId, 'change contacts');
  },
  toCommand: (input) => ({
    type: 'UpdateContact',
    contactId: input.contactId,
    details: parseContactDetails(input),
  }),
});
