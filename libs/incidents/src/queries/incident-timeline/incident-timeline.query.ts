import { Query } from '@nestjs/cqrs';
import type { TimelineEntry } from './timeline-entry';

/** The events behind an incident view, up to the version that view shows. */
export class IncidentTimelineQuery extends Query<TimelineEntry[]> {
  constructor(
    readonly incidentId: string,
    readonly upToVersion: number,
  ) {
    super();
  }
}
