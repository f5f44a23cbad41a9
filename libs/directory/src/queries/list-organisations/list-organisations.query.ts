import { Query } from '@nestjs/cqrs';
import type { OrganisationKind } from '../../domain/directory.vocabulary';
import type { OrganisationView } from '../../projections/organisation-view';

export type VerificationFilter = 'VERIFIED' | 'UNVERIFIED' | 'STALE' | 'REVOKED';

/** Values arrive validated and normalised (upper-case country, A-label TLD). */
export interface OrganisationFilter {
  readonly kind?: readonly OrganisationKind[] | null | undefined;
  readonly country?: string | null | undefined;
  readonly tld?: string | null | undefined;
  readonly ianaId?: number | null | undefined;
  readonly suffix?: string | null | undefined;
  readonly verification?: VerificationFilter | null | undefined;
  /** Case-insensitive substring of the name or an alias. */
  readonly search?: string | null | undefined;
}

export interface OrganisationPage {
  readonly nodes: readonly { readonly cursor: string; readonly organisation: OrganisationView }[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

export class ListOrganisationsQuery extends Query<OrganisationPage> {
  constructor(
    readonly filter: OrganisationFilter,
    readonly first: number,
    readonly after: string | null,
    /** Instant against which verification expiry is judged (STALE). */
    readonly now: Date,
  ) {
    super();
  }
}
