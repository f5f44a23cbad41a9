import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidInputError, isUuid, type TimelineEntry } from '@app/core';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { OrganisationNotFoundError } from '../../domain/organisation.errors';
import { organisationStreamId, type OrganisationEvent } from '../../domain/organisation.events';
import { fromRecordedEvent } from '../../infrastructure/directory-event.codec';
import { OrganisationHistoryQuery } from './organisation-history.query';
import { summariseOrganisationEvent } from './summarise-organisation-event';

@QueryHandler(OrganisationHistoryQuery)
export class OrganisationHistoryHandler implements IQueryHandler<OrganisationHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ organisationId }: OrganisationHistoryQuery): Promise<TimelineEntry[]> {
    if (!isUuid(organisationId))
      throw new InvalidInputError('id', organisationId, 'is not an organisation id');
    const entries: TimelineEntry[] = [];
    for await (const recorded of this.store.readStream(organisationStreamId(organisationId))) {
      const { event, metadata } = fromRecordedEvent(recorded);
      entries.push({
        version: entries.length + 1,
        type: event.type,
        summary: summariseOrganisationEvent(event as OrganisationEvent),
        occurredAt: metadata.occurredAt,
        actor: metadata.actor,
        eventId: metadata.eventId,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
      });
    }
    if (entries.length === 0) throw new OrganisationNotFoundError(organisationId);
    return entries;
  }
}
