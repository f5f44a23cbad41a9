import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newEventId } from '@app/core';
import type { CommentOnIncident } from '../../domain/incident.commands';
import { MAX_COMMENT_LENGTH, requiredText } from '../../domain/incident.input-limits';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { CommentOnIncidentCommand } from './comment-on-incident.command';

@CommandHandler(CommentOnIncidentCommand)
export class CommentOnIncidentHandler implements ICommandHandler<CommentOnIncidentCommand> {
  constructor(private readonly incidents: IncidentStreamRepository) {}

  execute({ incidentId, input, context, expectedVersion }: CommentOnIncidentCommand): Promise<IncidentWriteResult> {
    const command: CommentOnIncident = {
      type: 'CommentOnIncident',
      commentId: newEventId(),
      text: requiredText('text', input.text, MAX_COMMENT_LENGTH),
    };
    return this.incidents.execute(incidentId, command, context, expectedVersion);
  }
}
