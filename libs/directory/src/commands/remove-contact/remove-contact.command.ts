import { OrganisationChangeCommand } from '../organisation-command.base';

export class RemoveContactCommand extends OrganisationChangeCommand<{ readonly contactId: string }> {}
