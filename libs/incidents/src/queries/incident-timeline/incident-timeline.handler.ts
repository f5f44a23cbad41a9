import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { readIncidentHistory } from '../incident-history';
import { IncidentTimelineQuery } from './incident-timeline.query';
import { summariseIncidentEvent, type TimelineEntry } from './timeline-entry';

@QueryHandler(IncidentTimelineQuery)
export class IncidentTimelineHandler implements IQueryHandler<IncidentTimelineQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ incidentId, upToVersion }: IncidentTimelineQuery): Promise<TimelineEntry[]> {
    const history = await readIncidentHistory(this.store, incidentId);
    return history.slice(0, upToVersion).map(({ event, metadata }, index) => ({
      version: index + 1,
      type: event.type,
      summary: summariseIncidentEvent(event),
      occurredAt: metadata.occurredAt,
      actor: metadata.actor,
      eventId: metadata.eventId,
      correlationId: metadata.correlationId,
      causationId: metadata.causationId,
    }));
  }
}
