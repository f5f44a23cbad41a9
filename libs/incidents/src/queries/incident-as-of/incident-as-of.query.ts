import { Query } from '@nestjs/cqrs';
import type { IncidentView } from '../../projections/incident-view';

/** The incident as it stood at `at`, replayed from its stream; NOT_FOUND if not yet reported then. */
export class IncidentAsOfQuery extends Query<IncidentView> {
  constructor(
    readonly incidentId: string,
    readonly at: Date,
  ) {
    super();
  }
}
