import type { ContactRequest } from '../organisation-input.parsers';
import { OrganisationChangeCommand } from '../organisation-command.base';

export interface AddContactRequest {
  readonly request: ContactRequest;
  /** Chosen by the caller (a UUIDv7), so the answer can point at the new contact. */
  readonly contactId: string;
}

export class AddContactCommand extends OrganisationChangeCommand<AddContactRequest> {}
