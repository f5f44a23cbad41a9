import type { ContactRole, OrganisationKind } from './directory.vocabulary';

/**
 * What an organisation answers for, by kind: a CSIRT its countries (and so their ccTLDs), a registry
 * its TLDs, a registrar its IANA id, a hosting platform its private suffixes. Lists are sorted and
 * unique, so two coverages compare equal exactly when they mean the same.
 */
export interface Coverage {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly countries: readonly string[];
  /** Lower-case A-labels without a dot. */
  readonly tlds: readonly string[];
  readonly ianaId: number | null;
  /** Private public suffixes, e.g. `workers.dev`. */
  readonly suffixes: readonly string[];
}

export const EMPTY_COVERAGE: Coverage = { countries: [], tlds: [], ianaId: null, suffixes: [] };

/** Where a directory fact came from: a person through the API, or a reference data set. */
export type FactSource = 'MANUAL' | `IMPORT:${string}`;

export interface Contact {
  readonly contactId: string;
  readonly role: ContactRole;
  readonly email: string | null;
  /** E.164. */
  readonly phone: string | null;
  readonly webFormUrl: string | null;
  /** Upper-case hex, 40 or 64 characters. */
  readonly pgpFingerprint: string | null;
  /** ISO 639-1, lower case. */
  readonly languages: readonly string[];
  /** IANA time zone, e.g. `Europe/Paris`. */
  readonly timeZone: string | null;
  /** Free text such as `Mon-Fri 09:00-17:00`; null means around the clock or unknown. */
  readonly hours: string | null;
  /** When the organisation (or the data set) last confirmed the contact works (ISO 8601). */
  readonly lastConfirmedAt: string | null;
  readonly source: FactSource;
}

/** The parts of a contact a change may set; identity and confirmation are kept by the decider. */
export type ContactDetails = Omit<Contact, 'contactId' | 'lastConfirmedAt' | 'source'>;

export const VERIFICATION_METHODS = [
  'IANA_RECORD',
  'DIRECT_CONTACT',
  'PEER_VOUCHED',
  'TRUSTED_INTRODUCER',
  'FIRST_MEMBERSHIP',
  'GOVERNMENT_MANDATE',
  'DOCUMENT_REVIEW',
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export interface Verification {
  readonly method: VerificationMethod;
  readonly note: string | null;
  readonly verifiedByMemberId: string | null;
  readonly verifiedAt: string;
  /** After this instant the verification shows as stale until renewed. */
  readonly expiresAt: string;
}

/**
 * An organisation's own SLA terms, agreed with the centre: they replace the policy's deadlines and
 * business hours for requests to it. Durations are ms; absent fields keep the policy's values.
 */
export interface SlaTermsOverride {
  readonly acknowledgeWithinMs?: number;
  readonly actWithinMs?: number;
  readonly timeZone?: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  readonly businessDays?: readonly number[];
  /** `HH:MM` local time. */
  readonly businessStart?: string;
  readonly businessEnd?: string;
}

export interface OrganisationDetails {
  readonly name: string;
  /** Other names the organisation is known by, searched like the name. */
  readonly aliases: readonly string[];
  readonly website: string | null;
}

export interface OrganisationProfile extends OrganisationDetails {
  readonly organisationId: string;
  readonly kind: OrganisationKind;
  readonly coverage: Coverage;
}
