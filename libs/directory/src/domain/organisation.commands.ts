import type { OrganisationKind } from './directory.vocabulary';
import type {
  SlaTermsOverride,
  Contact,
  ContactDetails,
  Coverage,
  FactSource,
  OrganisationDetails,
  VerificationMethod,
} from './organisation.types';

/** Commands on one organisation; inputs arrive parsed and validated (organisation.command-parsers). */
export type OrganisationCommand =
  | ({
      readonly type: 'RegisterOrganisation';
      readonly organisationId: string;
      readonly kind: OrganisationKind;
      readonly coverage: Coverage;
      readonly source: FactSource;
    } & OrganisationDetails)
  | {
      readonly type: 'UpdateOrganisation';
      readonly details: Partial<OrganisationDetails>;
      readonly coverage: Coverage | null;
    }
  | { readonly type: 'AddContact'; readonly contact: Contact }
  | { readonly type: 'UpdateContact'; readonly contactId: string; readonly details: Partial<ContactDetails> }
  | { readonly type: 'RemoveContact'; readonly contactId: string }
  | { readonly type: 'ConfirmContact'; readonly contactId: string; readonly confirmedAt: string }
  | {
      readonly type: 'VerifyOrganisation';
      readonly method: VerificationMethod;
      readonly note: string | null;
      readonly verifiedByMemberId: string | null;
      readonly verifiedAt: string;
      readonly expiresAt: string;
    }
  | { readonly type: 'RevokeVerification'; readonly reason: string }
  | { readonly type: 'SetSlaTerms'; readonly terms: SlaTermsOverride | null }
  | SyncOrganisationFromReference;

/**
 * The state a reference data set says an organisation should have. Only the contacts that data
 * set manages (same `source`) are added, changed or removed; contacts people entered stay.
 */
export interface SyncOrganisationFromReference extends OrganisationDetails {
  readonly type: 'SyncOrganisationFromReference';
  readonly organisationId: string;
  readonly kind: OrganisationKind;
  readonly coverage: Coverage;
  readonly source: `IMPORT:${string}`;
  readonly contacts: readonly Contact[];
}
