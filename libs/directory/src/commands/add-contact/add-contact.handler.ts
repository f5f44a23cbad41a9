import { assertManagesOrganisation } from '@app/core';
import { organisationChangeHandler } from '../organisation-change.handler';
import { parseNewContact } from '../organisation-input.parsers';
import { AddContactCommand } from './add-contact.command';

export const AddContactHandler = organisationChangeHandler(AddContactCommand, {
  authorize: (viewer, organisationId) => {
    assertManagesOrganisation(viewer, organisationId, 'add contacts');
  },
  // A contact entered by a person is confirmed by the act of entering it.
  toCommand: (input, now) => ({
    type: 'AddContact',
    contact: {
      ...parseNewContact(input.request),
      contactId: input.contactId,
      lastConfirmedAt: now.toISOString(),
      source: 'MANUAL',
    },
  }),
});
