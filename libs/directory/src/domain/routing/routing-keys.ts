import type { DomainName } from '@app/core';
import { getDomain } from 'tldts';
import type { TldFacts } from './routing-decision';

/** What a caller looks up before it asks {@link routeDomain} for a decision. */
export interface RoutingKeys {
  /** Root zone facts (TldFacts) and the directory registry are looked up by this TLD. */
  readonly tld: string;
  /** The registrable domain as the PSL gives it, private section included (`x.duckdns.org`). */
  readonly registrableDomain: string;
  /**
   * The name to ask registry RDAP about: the domain a registry actually holds a registration for.
   * Equal to `registrableDomain` except under a private suffix, where the registry knows the
   * platform's own domain (`duckdns.org`), not the platform customer's name (`x.duckdns.org`).
   */
  readonly rdapDomain: string;
  /** The private public suffix whose operator hosts the domain (`duckdns.org`), or null. */
  readonly privateSuffix: string | null;
}

/**
 * The keys by which to gather {@link RoutingFacts}: TldFacts and registry by `tld`, RDAP by
 * `rdapDomain`, the directory registrar by the IANA id RDAP answers, the platform by
 * `privateSuffix`, and the national CSIRT by {@link nationalCsirtCountry} of the TldFacts.
 */
export function routingKeys(domain: DomainName): RoutingKeys {
  return {
    tld: domain.tld,
    registrableDomain: domain.registrableDomain,
    rdapDomain: domain.isPrivateSuffix ? icannRegistrableDomain(domain) : domain.registrableDomain,
    privateSuffix: domain.isPrivateSuffix ? domain.publicSuffix : null,
  };
}

/**
 * The country whose national CSIRT covers the TLD, or null when none does: only a ccTLD has a
 * country, and only the root zone data says which one.
 */
export function nationalCsirtCountry(tld: TldFacts | null): string | null {
  return tld?.type === 'COUNTRY_CODE' ? tld.country : null;
}

/**
 * DomainName keeps only the PSL view with private rules, so the ICANN-only registrable domain is
 * read again from the same offline PSL that `normaliseDomain` used. The private suffix is the
 * fallback because every private rule sits below an ICANN suffix, so tldts always answers.
 */
function icannRegistrableDomain(domain: DomainName): string {
  return (
    getDomain(domain.name, { allowPrivateDomains: false, extractHostname: false }) ?? domain.publicSuffix
  );
}
