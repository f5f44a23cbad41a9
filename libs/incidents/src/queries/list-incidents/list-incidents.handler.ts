import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { listIncidents, type IncidentPage } from './list-incidents.read-model';
import { ListIncidentsQuery } from './list-incidents.query';

@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery> {
  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModelAccess) {}

  execute({ filter, first, after, viewer }: ListIncidentsQuery): Promise<IncidentPage> {
    return listIncidents(this.readModel.sql, filter, first, after, viewer);
  }
}
