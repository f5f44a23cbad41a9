import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { parseAddIncidentDomain } from '../../domain/incident.command-parsers';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { AddIncidentDomainCommand } from './add-incident-domain.command';

@CommandHandler(AddIncidentDomainCommand)
export class AddIncidentDomainHandler implements ICommandHandler<AddIncidentDomainCommand> {
  constructor(private readonly incidents: IncidentStreamRepository) {}

  execute({
    incidentId,
    input,
    context,
    expectedVersion,
  }: AddIncidentDomainCommand): Promise<IncidentWriteResult> {
    return this.incidents.execute(incidentId, parseAddIncidentDomain(input), context, expectedVersion);
  }
}
