import { Query } from '@nestjs/cqrs';
import type { OrganisationView } from '../../projections/organisation-view';

/** One organisation from the read model; NOT_FOUND when it does not exist. */
export class GetOrganisationQuery extends Query<OrganisationView> {
  constructor(
    readonly organisationId: string,
    /** Wait (bounded) until the read model has applied this position: read-your-writes. */
    readonly minPosition: bigint = 0n,
  ) {
    super();
  }
}
