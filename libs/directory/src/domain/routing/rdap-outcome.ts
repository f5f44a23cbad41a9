/** What an RDAP lookup (RFC 9082/9083) told routing; failures are outcomes, never exceptions. */

/** An abuse or other contact read from a vCard (jCard) in an RDAP entity. */
export interface RdapContact {
  readonly email: string | null;
  readonly phone: string | null;
  /** RDAP server that published it. */
  readonly source: string;
}

export interface RdapRegistrar {
  /** From `publicIds` type "IANA Registrar ID"; null when absent or redacted. */
  readonly ianaId: number | null;
  readonly name: string | null;
  /** The registrar's own RDAP URL for the domain (the `related` link), when the registry gives one. */
  readonly rdapUrl: string | null;
  readonly abuseContacts: readonly RdapContact[];
}

export type RdapDomainOutcome =
  | {
      readonly kind: 'found';
      readonly registrar: RdapRegistrar | null;
      /** Domain status values (RFC 8056 names), e.g. `client hold`. */
      readonly status: readonly string[];
      /** Names or JSONPaths of the fields the servers declared redacted (RFC 9537). */
      readonly redacted: readonly string[];
      /** Every URL queried, registry first. */
      readonly sources: readonly string[];
      readonly fetchedAt: string;
    }
  | { readonly kind: 'not_found'; readonly source: string; readonly fetchedAt: string }
  /** The TLD has no RDAP service in the bootstrap: route to the registry and national CSIRT instead. */
  | { readonly kind: 'no_service'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string; readonly source: string | null }
  | { readonly kind: 'disabled' };
