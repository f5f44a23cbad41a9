import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { parseTriageIncident } from '../../domain/incident.command-parsers';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { TriageIncidentCommand } from './triage-incident.command';

@CommandHandler(TriageIncidentCommand)
export class TriageIncidentHandler implements ICommandHandler<TriageIncidentCommand> {
  constructor(private readonly incidents: IncidentStreamRepository) {}

  execute({
    incidentId,
    input,
    context,
    expectedVersion,
  }: TriageIncidentCommand): Promise<IncidentWriteResult> {
    return this.incidents.execute(incidentId, parseTriageIncident(input), context, expectedVersion);
  }
}
