import type { OrganisationKind } from './directory.vocabulary';
import type {
  Contact,
  Coverage,
  FactSource,
  OrganisationDetails,
  SlaTermsOverride,
  Verification,
} from './organisation.types';

export const ORGANISATION_STREAM_PREFIX = 'organisation-';
export const organisationStreamId = (organisationId: string): string =>
  `${ORGANISATION_STREAM_PREFIX}${organisationId}`;
export const organisationIdOfStream = (streamId: string): string =>
  streamId.slice(ORGANISATION_STREAM_PREFIX.length);

/** Every change to a directory entry is one of these, so the directory has a full audit trail. */
export type OrganisationEvent =
  | {
      readonly type: 'OrganisationRegistered';
      readonly data: OrganisationDetails & {
        readonly organisationId: string;
        readonly kind: OrganisationKind;
        readonly coverage: Coverage;
        readonly source: FactSource;
      };
    }
  | { readonly type: 'OrganisationDetailsChanged'; readonly data: OrganisationDetails }
  | { readonly type: 'OrganisationCoverageChanged'; readonly data: { readonly coverage: Coverage } }
  | { readonly type: 'ContactAdded'; readonly data: { readonly contact: Contact } }
  | { readonly type: 'ContactUpdated'; readonly data: { readonly contact: Contact } }
  | { readonly type: 'ContactRemoved'; readonly data: { readonly contactId: string } }
  | {
      readonly type: 'ContactConfirmed';
      readonly data: { readonly contactId: string; readonly confirmedAt: string };
    }
  | { readonly type: 'OrganisationVerified'; readonly data: Verification }
  | { readonly type: 'OrganisationVerificationRevoked'; readonly data: { readonly reason: string } }
  /** Null terms: requests to the organisation follow the SLA policy again. */
  | { readonly type: 'OrganisationSlaTermsSet'; readonly data: { readonly terms: SlaTermsOverride | null } };

export type OrganisationEventType = OrganisationEvent['type'];

export const ORGANISATION_EVENT_TYPES: readonly OrganisationEventType[] = [
  'OrganisationRegistered',
  'OrganisationDetailsChanged',
  'OrganisationCoverageChanged',
  'ContactAdded',
  'ContactUpdated',
  'ContactRemoved',
  'ContactConfirmed',
  'OrganisationVerified',
  'OrganisationVerificationRevoked',
  'OrganisationSlaTermsSet',
];
