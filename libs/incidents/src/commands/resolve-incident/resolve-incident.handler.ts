import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ResolveIncident } from '../../domain/incident.commands';
import { MAX_NOTE_LENGTH, optionalText } from '../../domain/incident.input-limits';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { ResolveIncidentCommand } from './resolve-incident.command';

@CommandHandler(ResolveIncidentCommand)
export class ResolveIncidentHandler implements ICommandHandler<ResolveIncidentCommand> {
  constructor(private readonly incidents: IncidentStreamRepository) {}

  execute({ incidentId, input, context, expectedVersion }: ResolveIncidentCommand): Promise<IncidentWriteResult> {
    const command: ResolveIncident = {
      type: 'ResolveIncident',
      outcome: input.outcome,
      note: optionalText('note', input.note, MAX_NOTE_LENGTH),
    };
    return this.incidents.execute(incidentId, command, context, expectedVersion);
  }
}
