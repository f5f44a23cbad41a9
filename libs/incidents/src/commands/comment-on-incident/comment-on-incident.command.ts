import { IncidentChangeCommand } from '../incident-command.base';
export interface CommentOnIncidentRequest {
  readonly text: string;
}

export class CommentOnIncidentCommand extends IncidentChangeCommand<CommentOnIncidentRequest> {}
