import { domainToASCII } from 'node:url';
import { systemClock, type Clock } from '@app/core';
import type { RdapDomainOutcome } from '../domain/routing/rdap-outcome';
import type { RdapBootstrap } from './rdap-bootstrap';
import { DEFAULT_RDAP_CACHE_TTL, noRdapCache, type RdapCache, type RdapCacheTtl } from './rdap-cache';
import { CachedRdapFetcher, type RdapAnswer } from './rdap-cached.fetcher';
import { messageOf } from './rdap-error-detail';
import { parseRdapDomain, type RdapDomainRecord } from './rdap-domain.parser';
import { RdapHttpClient, type RdapFetcher } from './rdap-http.client';
import type { RdapPort } from './rdap.port';
import { mergeRegistrarAnswer } from './rdap-registrar.merge';

/**
 * When to ask the sponsoring registrar's RDAP server too (the registry's `related` link):
 * `when-abuse-missing` only if the registry gave no registrar abuse contact (thin registries,
 * ccTLDs), `always` to collect the registrar's own data as well, `never` for one request per lookup.
 */
export type RegistrarStepPolicy = 'when-abuse-missing' | 'always' | 'never';

export interface RdapClientOptions {
  readonly bootstrap: RdapBootstrap;
  /** Default: an {@link RdapHttpClient} with its defaults. */
  readonly fetcher?: RdapFetcher;
  /** Default: no cache. */
  readonly cache?: RdapCache;
  readonly cacheTtl?: RdapCacheTtl;
  readonly clock?: Clock;
  /** Default `when-abuse-missing`. */
  readonly registrarStep?: RegistrarStepPolicy;
  /**
   * Which registrar URLs a registry answer may send us to. Default: https only, because the link
   * comes from a third party's answer and should not point a server-side client at plain http
   * (or at internal addresses through it).
   */
  readonly registrarUrlAllowed?: (url: URL) => boolean;
}

/** Registry answer, parsed, with the URL and instant it came from. */
interface RegistryRecord {
  readonly url: string;
  readonly domain: RdapDomainRecord;
  readonly fetchedAt: string;
}

/**
 * {@link RdapPort} over RDAP (RFC 9082/9083): bootstrap the TLD's registry server (RFC 9224), ask
 * it for the domain, then possibly the registrar it points to. Every trouble becomes an outcome.
 */
export class RdapClient implements RdapPort {
  private readonly fetcher: CachedRdapFetcher;
  private readonly registrarStep: RegistrarStepPolicy;
  private readonly registrarUrlAllowed: (url: URL) => boolean;

  constructor(private readonly options: RdapClientOptions) {
    const clock = options.clock ?? systemClock;
    this.fetcher = new CachedRdapFetcher(
      options.fetcher ?? new RdapHttpClient({ clock }),
      options.cache ?? noRdapCache,
      options.cacheTtl ?? DEFAULT_RDAP_CACHE_TTL,
      clock,
    );
    this.registrarStep = options.registrarStep ?? 'when-abuse-missing';
    this.registrarUrlAllowed = options.registrarUrlAllowed ?? ((url) => url.protocol === 'https:');
  }

  async lookupDomain(registrableDomain: string): Promise<RdapDomainOutcome> {
    try {
      return await this.lookup(registrableDomain);
    } catch (error) {
      // The port promises outcomes, not exceptions; this is a bug's last line of defence.
      return {
        kind: 'failed',
        reason: `internal error in the RDAP client: ${messageOf(error)}`,
        source: null,
      };
    }
  }

  private async lookup(registrableDomain: string): Promise<RdapDomainOutcome> {
    const name = asciiDomainName(registrableDomain);
    if (name === null) {
      return {
        kind: 'failed',
        reason: `not a registrable domain name: ${JSON.stringify(registrableDomain)}`,
        source: null,
      };
    }
    const baseUrls = this.options.bootstrap.baseUrlsForDomain(name);
    if (baseUrls.length === 0) {
      const tld = name.slice(name.lastIndexOf('.') + 1);
      return {
        kind: 'no_service',
        reason: `no RDAP service for .${tld} in the bootstrap (${this.options.bootstrap.describe()})`,
      };
    }
    const sources: string[] = [];
    const answer = await this.askRegistry(baseUrls, name, sources);
    switch (answer.kind) {
      case 'failed':
        return { kind: 'failed', reason: answer.reason, source: answer.url };
      case 'not_found':
        return { kind: 'not_found', source: answer.url, fetchedAt: answer.fetchedAt };
      case 'found':
        break;
    }
    const parsed = parseRdapDomain(answer.json, answer.url);
    if (parsed.kind === 'invalid') return { kind: 'failed', reason: parsed.reason, source: answer.url };
    const registry = { url: answer.url, domain: parsed.domain, fetchedAt: answer.fetchedAt };
    const { domain, fetchedAt } = await this.withRegistrarStep(registry, sources);
    return {
      kind: 'found',
      registrar: domain.registrar,
      status: domain.status,
      redacted: domain.redacted,
      sources,
      fetchedAt,
    };
  }

  /** The first server of the service that answers; RFC 9224 lets a client pick any of them. */
  private async askRegistry(
    baseUrls: readonly string[],
    name: string,
    sources: string[],
  ): Promise<RdapAnswer> {
    const failures: string[] = [];
    let answer: RdapAnswer | undefined;
    for (const base of baseUrls) {
      const url = `${base}domain/${name}`;
      sources.push(url);
      answer = await this.fetcher.get(url);
      if (answer.kind !== 'failed') return answer;
      failures.push(baseUrls.length > 1 ? `${url}: ${answer.reason}` : answer.reason);
    }
    const url = answer?.url ?? baseUrls[0] ?? '';
    return { kind: 'failed', url, reason: failures.join('; ') };
  }

  /**
   * Follow the registry's `related` link when the policy asks for it. A failing registrar step
   * leaves the registry's data as it was: it still is the best answer there is.
   */
  private async withRegistrarStep(
    registry: RegistryRecord,
    sources: string[],
  ): Promise<{ domain: RdapDomainRecord; fetchedAt: string }> {
    const unchanged = { domain: registry.domain, fetchedAt: registry.fetchedAt };
    const url = registry.domain.relatedRegistrarUrl;
    if (url === null || url === registry.url || !this.shouldAskRegistrar(registry.domain, url)) {
      return unchanged;
    }
    sources.push(url);
    const answer = await this.fetcher.get(url);
    if (answer.kind !== 'found') return unchanged;
    const parsed = parseRdapDomain(answer.json, url);
    if (parsed.kind === 'invalid') return unchanged;
    return {
      domain: mergeRegistrarAnswer(registry.domain, parsed.domain),
      // The merged answer is only as fresh as its older part.
      fetchedAt: answer.fetchedAt < registry.fetchedAt ? answer.fetchedAt : registry.fetchedAt,
    };
  }

  private shouldAskRegistrar(registry: RdapDomainRecord, url: string): boolean {
    const parsed = URL.parse(url);
    if (parsed === null || !this.registrarUrlAllowed(parsed)) return false;
    switch (this.registrarStep) {
      case 'never':
        return false;
      case 'always':
        return true;
      case 'when-abuse-missing':
        return (registry.registrar?.abuseContacts.length ?? 0) === 0;
    }
  }
}

/**
 * Lower-case A-label form without a trailing dot; null unless every label is a host label and
 * there are at least two. `domainToASCII` silently cuts at `/`, `?` or `#`, so those are refused
 * first: the name goes into a URL path.
 */
function asciiDomainName(input: string): string | null {
  const trimmed = input.trim().replace(/\.$/, '');
  if (/[/?#\\@:%\s]/.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed).toLowerCase();
  const labels = ascii.split('.');
  const valid = ascii.length <= 253 && labels.length >= 2 && labels.every((label) => HOST_LABEL.test(label));
  return valid ? ascii : null;
}

const HOST_LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
