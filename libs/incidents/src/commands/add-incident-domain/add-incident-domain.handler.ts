import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AddIncidentDomain } from '../../domain/incident.commands';
import { normaliseDomain } from '../../domain/domain-name.normalise';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { AddIncidentDomainCommand } from './add-incident-domain.command';

@CommandHandler(AddIncidentDomainCommand)
export class AddIncidentDomainHandler implements ICommandHandler<AddIncidentDomainCommand> {
  constructor(private readonly incidents: IncidentStreamRepository) {}

  execute({ incidentId, input, context, expectedVersion }: AddIncidentDomainCommand): Promise<IncidentWriteResult> {
    const command: AddIncidentDomain = { type: 'AddIncidentDomain', domain: normaliseDomain(input.domain) };
    return this.incidents.execute(incidentId, command, context, expectedVersion);
  }
}
