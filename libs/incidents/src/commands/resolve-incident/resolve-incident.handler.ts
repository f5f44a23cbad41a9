import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { parseResolveIncident } from '../../domain/incident.command-parsers';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { ResolveIncidentCommand } from './resolve-incident.command';

@CommandHandler(ResolveIncidentCommand)
export class ResolveIncidentHandler implements ICommandHandler<ResolveIncidentCommand> {
  constructor(private readonly incidents: IncidentStreamRepository) {}

  execute({
    incidentId,
    input,
    context,
    expectedVersion,
  }: ResolveIncidentCommand): Promise<IncidentWriteResult> {
    return this.incidents.execute(incidentId, parseResolveIncident(input), context, expectedVersion);
  }
}
