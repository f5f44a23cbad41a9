import { IncidentChangeCommand } from '../incident-command.base';
export interface AddIncidentDomainRequest {
  readonly domain: string;
}

export class AddIncidentDomainCommand extends IncidentChangeCommand<AddIncidentDomainRequest> {}
