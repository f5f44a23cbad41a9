import { Query } from '@nestjs/cqrs';
import type { IncidentView } from '../../projections/incident-view';

/** The current state of one incident from the read model; NOT_FOUND when it does not exist. */
export class GetIncidentQuery extends Query<IncidentView> {
  constructor(
    readonly incidentId: string,
    /** Wait (bounded) until the read model has applied this position: read-your-writes. */
    readonly minPosition: bigint = 0n,
  ) {
    super();
  }
}
