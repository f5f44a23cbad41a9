import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInputError, isUuid } from '@app/core';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { IncidentNotFoundError } from '../../domain/incident.errors';
import { evolveIncidentView, type IncidentView } from '../../projections/incident-view';
import { readIncidentHistory } from '../incident-history';
import { IncidentAsOfQuery } from './incident-as-of.query';

@QueryHandler(IncidentAsOfQuery)
export class IncidentAsOfHandler implements IQueryHandler<IncidentAsOfQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ incidentId, at }: IncidentAsOfQuery): Promise<IncidentView> {
    if (!isUuid(incidentId)) throw new InvalidInputError('id', incidentId, 'is not an incident id');
    if (Number.isNaN(at.getTime())) throw new InvalidInputError('at', at, 'is not a valid instant');
    let view: IncidentView | null = null;
    for (const { event, metadata } of await readIncidentHistory(this.store, incidentId, at)) {
      view = evolveIncidentView(view, event, metadata);
    }
    if (!view) throw new IncidentNotFoundError(incidentId);
    return view;
  }
}
