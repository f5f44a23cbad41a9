import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInputError, isUuid } from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import { IncidentNotFoundError } from '../../domain/incident.errors';
import type { IncidentView } from '../../projections/incident-view';
import { selectIncidentDocument } from '../../projections/incidents.read-model';
import { GetIncidentQuery } from './get-incident.query';

@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  constructor(@Inject(READ_MODEL) private readonly readModel: ReadModelAccess) {}

  async execute({ incidentId, minPosition }: GetIncidentQuery): Promise<IncidentView> {
    if (!isUuid(incidentId)) throw new InvalidInputError('id', incidentId, 'is not an incident id');
    await this.readModel.waitFor(minPosition);
    const row = await this.readModel.sql.firstPrepared(selectIncidentDocument, [incidentId]);
    if (!row) throw new IncidentNotFoundError(incidentId);
    return JSON.parse(row.document) as IncidentView;
  }
}
