import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { listOrganisations } from './list-organisations.read-model';
import { ListOrganisationsQuery, type OrganisationPage } from './list-organisations.query';

@QueryHandler(ListOrganisationsQuery)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisationsQuery> {
  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModelAccess) {}

  execute({ filter, first, after, now }: ListOrganisationsQuery): Promise<OrganisationPage> {
    return listOrganisations(this.readModel.sql, filter, first, after, now);
  }
}
