import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { parseReopenIncident } from '../../domain/incident.command-parsers';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { ReopenIncidentCommand } from './reopen-incident.command';

@CommandHandler(ReopenIncidentCommand)
export class ReopenIncidentHandler implements ICommandHandler<ReopenIncidentCommand> {
  constructor(private readonly incidents: IncidentStreamRepository) {}

  execute({
    incidentId,
    input,
    context,
    expectedVersion,
  }: ReopenIncidentCommand): Promise<IncidentWriteResult> {
    return this.incidents.execute(incidentId, parseReopenIncident(input), context, expectedVersion);
  }
}
