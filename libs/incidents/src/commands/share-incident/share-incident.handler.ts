import { CommandHandler, type ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { GetOrganisationQuery } from '@app/directory';
import { IncidentAccessService } from '../../infrastructure/incident-access.service';
import {
  IncidentStreamRepository,
  type IncidentWriteResult,
} from '../../infrastructure/incident-stream.repository';
import { ShareIncidentCommand } from './share-incident.command';

@CommandHandler(ShareIncidentCommand)
export class ShareIncidentHandler implements ICommandHandler<ShareIncidentCommand> {
  constructor(
    private readonly incidents: IncidentStreamRepository,
    private readonly access: IncidentAccessService,
    private readonly queries: QueryBus,
  ) {}

  async execute({
    incidentId,
    organisationId,
    viewer,
    context,
  }: ShareIncidentCommand): Promise<IncidentWriteResult> {
    await this.access.allowed(viewer, 'SHARE', incidentId);
    const organisation = await this.queries.execute(new GetOrganisationQuery(organisationId));
    return this.incidents.execute(
      incidentId,
      { type: 'ShareIncident', organisationId: organisation.id, name: organisation.name },
      context,
    );
  }
}
