import { OrganisationChangeCommand } from '../organisation-command.base';

export class RevokeVerificationCommand extends OrganisationChangeCommand<{ readonly reason: string }> {}
