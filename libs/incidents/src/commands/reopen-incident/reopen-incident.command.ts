import { IncidentChangeCommand } from '../incident-command.base';
export interface ReopenIncidentRequest {
  readonly reason: string;
}

export class ReopenIncidentCommand extends IncidentChangeCommand<ReopenIncidentRequest> {}
