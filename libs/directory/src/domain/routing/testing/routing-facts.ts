import { normaliseDomain } from '@app/core';
import type { ContactRole } from '../../directory.vocabulary';
import type { RdapContact, RdapDomainOutcome, RdapRegistrar } from '../rdap-outcome';
import type { RoutingFacts } from '../route-domain';
import { routeDomain } from '../route-domain';
import type {
  DirectoryParty,
  RoutedContact,
  RoutedParty,
  RoutedRole,
  RoutingDecision,
  TldFacts,
} from '../routing-decision';

/** Builders for routing facts in specs: valid defaults, overrides by field, one instant per source. */

export const DECIDED_AT = '2026-11-26T12:00:00.000Z';
export const ROOT_ZONE_AT = '2026-11-01T00:00:00.000Z';
export const DIRECTORY_AT = '2026-10-15T09:30:00.000Z';
export const RDAP_AT = '2026-11-26T11:59:58.000Z';

export const ROOT_ZONE_SOURCE = 'IANA Root Zone Database (import of iana-root-zone-tlds.csv)';

export function gtld(tld: string, overrides: Partial<TldFacts> = {}): TldFacts {
  return {
    tld,
    type: 'GENERIC',
    country: null,
    registryOperator: `Registry of .${tld}`,
    registryOrganisationId: null,
    rdapBaseUrls: [`https://rdap.nic.${tld}/`],
    source: ROOT_ZONE_SOURCE,
    recordedAt: ROOT_ZONE_AT,
    ...overrides,
  };
}

export const cctld = (tld: string, country: string | null, overrides: Partial<TldFacts> = {}): TldFacts =>
  gtld(tld, { type: 'COUNTRY_CODE', country, rdapBaseUrls: [], ...overrides });

export const contact = (
  role: ContactRole,
  email: string | null,
  overrides: Partial<RoutedContact> = {},
): RoutedContact => ({ role, email, phone: null, webFormUrl: null, ...overrides });

export function directoryParty(
  kind: DirectoryParty['kind'],
  name: string,
  overrides: Partial<DirectoryParty> = {},
): DirectoryParty {
  return {
    organisationId: `org-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
    kind,
    name,
    ianaId: null,
    verified: true,
    contacts: [contact('INCIDENT', `incident@${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`)],
    recordedAt: DIRECTORY_AT,
    source: 'directory (registered by a coordinator)',
    ...overrides,
  };
}

export const coordinationCentre = (overrides: Partial<DirectoryParty> = {}): DirectoryParty =>
  directoryParty('COORDINATION_CENTRE', 'DNS Coordination Centre', overrides);

export const rdapContact = (email: string | null, phone: string | null, source: string): RdapContact => ({
  email,
  phone,
  source,
});

export function rdapRegistrar(overrides: Partial<RdapRegistrar> = {}): RdapRegistrar {
  return {
    ianaId: 292,
    name: 'MarkMonitor Inc.',
    rdapUrl: 'https://rdap.markmonitor.com/rdap/domain/example.com',
    abuseContacts: [
      rdapContact('abusecomplaints@markmonitor.com', '+1.2086851750', 'https://rdap.markmonitor.com'),
    ],
    ...overrides,
  };
}

export function rdapFound(
  overrides: Partial<Omit<Extract<RdapDomainOutcome, { kind: 'found' }>, 'kind'>> = {},
): RdapDomainOutcome {
  return {
    kind: 'found',
    registrar: rdapRegistrar(),
    status: ['client transfer prohibited'],
    redacted: [],
    sources: ['https://rdap.verisign.com/com/v1/domain/example.com'],
    fetchedAt: RDAP_AT,
    ...overrides,
  };
}

export const rdapNotFound = (source: string): RdapDomainOutcome => ({
  kind: 'not_found',
  source,
  fetchedAt: RDAP_AT,
});
export const rdapNoService = (reason: string): RdapDomainOutcome => ({ kind: 'no_service', reason });
export const rdapFailed = (reason: string, source: string | null): RdapDomainOutcome => ({
  kind: 'failed',
  reason,
  source,
});
export const RDAP_DISABLED: RdapDomainOutcome = { kind: 'disabled' };

/** Nothing known but the coordination centre; each spec adds the facts it is about. */
export function routingFacts(overrides: Partial<RoutingFacts> = {}): RoutingFacts {
  return {
    tld: null,
    registry: null,
    rdap: RDAP_DISABLED,
    registrar: null,
    csirt: null,
    platform: null,
    coordinationCentre: coordinationCentre(),
    ...overrides,
  };
}

/** given(facts).whenRouting(name, category): the decision at {@link DECIDED_AT}. */
export function given(facts: RoutingFacts): {
  whenRouting(name: string, category?: string): RoutingDecision;
} {
  return {
    whenRouting: (name, category = 'PHISHING') =>
      routeDomain(normaliseDomain(name), category, facts, DECIDED_AT),
  };
}

export const rolesOf = (chain: readonly RoutedParty[]): RoutedRole[] => chain.map((party) => party.role);

/** The reason routing gave for `role`, or undefined when it gave none. */
export const reasonFor = (decision: RoutingDecision, role: RoutedRole): string | undefined =>
  decision.unknowns.find((unknown) => unknown.role === role)?.reason;
