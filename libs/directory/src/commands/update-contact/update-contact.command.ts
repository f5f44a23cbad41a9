import type { ContactRequest } from '../organisation-input.parsers';
import { OrganisationChangeCommand } from '../organisation-command.base';

export class UpdateContactCommand extends OrganisationChangeCommand<
  ContactRequest & { readonly contactId: string }
> {}
