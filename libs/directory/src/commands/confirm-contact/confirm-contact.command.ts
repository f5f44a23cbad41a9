import { OrganisationChangeCommand } from '../organisation-command.base';

export class ConfirmContactCommand extends OrganisationChangeCommand<{ readonly contactId: string }> {}
