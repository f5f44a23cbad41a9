import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newEventId } from '@app/core';
import { parseCommentOnIncident } from '../../domain/incident.command-parsers';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { CommentOnIncidentCommand } from './comment-on-incident.command';

@CommandHandler(CommentOnIncidentCommand)
export class CommentOnIncidentHandler implements ICommandHandler<CommentOnIncidentCommand> {
  constructor(private readonly incidents: IncidentStreamRepository) {}

  execute({
    incidentId,
    input,
    context,
    expectedVersion,
  }: CommentOnIncidentCommand): Promise<IncidentWriteResult> {
    const command = parseCommentOnIncident({ commentId: newEventId(), text: input.text });
    return this.incidents.execute(incidentId, command, context, expectedVersion);
  }
}
