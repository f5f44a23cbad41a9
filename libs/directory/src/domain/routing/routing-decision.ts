import type { Confidence, ContactRole, OrganisationKind, TldType } from '../directory.vocabulary';

/** Parties of an escalation chain, in the words of DOMAIN.md. */
export const ROUTED_ROLES = [
  'PLATFORM',
  'REGISTRAR',
  'REGISTRY',
  'NATIONAL_CSIRT',
  'COORDINATION_CENTRE',
] as const;
export type RoutedRole = (typeof ROUTED_ROLES)[number];

/** Where a fact came from and when that source was read. */
export interface RoutingEvidence {
  /** e.g. `IANA Root Zone Database (import)`, `RDAP https://rdap.verisign.com/com/v1/domain/x.com`. */
  readonly source: string;
  /** ISO 8601 instant. */
  readonly fetchedAt: string;
}

export interface RoutedContact {
  readonly role: ContactRole;
  readonly email: string | null;
  readonly phone: string | null;
  readonly webFormUrl: string | null;
}

export interface RoutedParty {
  readonly role: RoutedRole;
  /** The directory organisation, when one is known; null when only a name is (e.g. from RDAP). */
  readonly organisationId: string | null;
  readonly name: string;
  readonly ianaId: number | null;
  readonly contacts: readonly RoutedContact[];
  readonly confidence: Confidence;
  readonly evidence: readonly RoutingEvidence[];
}

export interface RoutingUnknown {
  readonly role: RoutedRole;
  readonly reason: string;
}

/** The answer to "who is responsible for this domain, and how do I reach them". */
export interface RoutingDecision {
  readonly domain: string;
  readonly registrableDomain: string;
  readonly publicSuffix: string;
  readonly tld: string;
  readonly tldType: TldType | null;
  /** ISO 3166-1 alpha-2 of a ccTLD. */
  readonly country: string | null;
  readonly platform: RoutedParty | null;
  readonly registry: RoutedParty | null;
  readonly registrar: RoutedParty | null;
  readonly csirt: RoutedParty | null;
  /** Parties in escalation order; the coordination centre last. */
  readonly chain: readonly RoutedParty[];
  readonly unknowns: readonly RoutingUnknown[];
  readonly decidedAt: string;
}

/** A directory organisation as routing sees it. */
export interface DirectoryParty {
  readonly organisationId: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly ianaId: number | null;
  readonly verified: boolean;
  readonly contacts: readonly RoutedContact[];
  /** When the directory last recorded or confirmed this organisation's data. */
  readonly recordedAt: string;
  /** e.g. `directory (import of iana-root-zone-tlds.csv)` or `directory (registered by a coordinator)`. */
  readonly source: string;
}

/** Root zone facts about one TLD as imported. */
export interface TldFacts {
  readonly tld: string;
  readonly type: TldType;
  readonly country: string | null;
  readonly registryOperator: string;
  readonly registryOrganisationId: string | null;
  readonly rdapBaseUrls: readonly string[];
  readonly source: string;
  readonly recordedAt: string;
}
