import { Query } from '@nestjs/cqrs';
import type { TimelineEntry } from '@app/core';

/** Every change to an organisation, oldest first: the directory's audit trail. */
export class OrganisationHistoryQuery extends Query<TimelineEntry[]> {
  constructor(readonly organisationId: string) {
    super();
  }
}
