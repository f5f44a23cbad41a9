import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { TriageIncident } from '../../domain/incident.commands';
import { MAX_NOTE_LENGTH, optionalText } from '../../domain/incident.input-limits';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { TriageIncidentCommand } from './triage-incident.command';

@CommandHandler(TriageIncidentCommand)
export class TriageIncidentHandler implements ICommandHandler<TriageIncidentCommand> {
  constructor(private readonly incidents: IncidentStreamRepository) {}

  execute({ incidentId, input, context, expectedVersion }: TriageIncidentCommand): Promise<IncidentWriteResult> {
    const command: TriageIncident = {
      type: 'TriageIncident',
      severity: input.severity,
      category: input.category ?? null,
      note: optionalText('note', input.note, MAX_NOTE_LENGTH),
    };
    return this.incidents.execute(incidentId, command, context, expectedVersion);
  }
}
