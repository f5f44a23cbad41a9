/**
 * A domain as the centre stores it: lower-case A-label form without a trailing dot, with the facts
 * the Public Suffix List gives about it at the moment it was recorded.
 */
export interface DomainName {
  /** Normalised A-label form, e.g. `xn--bcher-kva.example`. */
  readonly name: string;
  /** Unicode (U-label) form for display; equal to `name` for ASCII domains. */
  readonly unicode: string;
  /** The registrable domain (public suffix plus one label), e.g. `example.co.uk`. */
  readonly registrableDomain: string;
  /** The public suffix, private section included, e.g. `co.uk` or `workers.dev`. */
  readonly publicSuffix: string;
  /** True when `publicSuffix` comes from the PSL's private section (a hosting platform). */
  readonly isPrivateSuffix: boolean;
  /** The top-level domain, e.g. `uk`. */
  readonly tld: string;
}
