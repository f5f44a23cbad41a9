import type { Actor, DomainName } from '@app/core';
import { normaliseDomain } from '@app/core';
import type { OrganisationKind, RoutingDecision } from '@app/directory';
import type { EscalationParty } from '../../libs/incidents/src/domain/escalation.events';
import type { IncidentIds } from './scenario-step';

const TLDS = ['com', 'net', 'org', 'fr', 'de', 'co.uk', 'io', 'info'] as const;
const KIND_NUMBERS: Readonly<Record<OrganisationKind, number>> = {
  CSIRT: 1,
  REGISTRY: 2,
  REGISTRAR: 3,
  HOSTING_PLATFORM: 4,
  COORDINATION_CENTRE: 5,
};

const party = (kind: OrganisationKind, k: number, name: string): EscalationParty => ({
  organisationId: `01900000-0000-7000-8a0${KIND_NUMBERS[kind]}-${k.toString(16).padStart(12, '0')}`,
  name,
  kind,
});

/** The organisations of the seeded log: 40 registrars, a registry, a hoster, the centre, 60 reporting CSIRTs. */
export const REGISTRARS = Array.from({ length: 40 }, (_, k) => party('REGISTRAR', k, `Registrar ${k}`));
export const REGISTRY = party('REGISTRY', 0, 'Registry operator');
export const PLATFORM = party('HOSTING_PLATFORM', 0, 'Hosting platform');
export const CENTRE = party('COORDINATION_CENTRE', 0, 'dnscc coordination centre');
export const REPORTERS = Array.from({ length: 60 }, (_, k) => party('CSIRT', k, `CERT ${k}`));

/** One of a few members of the organisation, chosen by `n`. */
export const member = (organisationId: string, n: number): Actor => ({
  kind: 'member',
  organisationId,
  memberId: `member-${organisationId.slice(-4)}-${n % 5}`,
});
export const reporterOf = (ids: IncidentIds): EscalationParty =>
  REPORTERS[ids.n % REPORTERS.length] ?? CENTRE;
export const registrarOf = (ids: IncidentIds): EscalationParty =>
  REGISTRARS[ids.n % REGISTRARS.length] ?? CENTRE;
export const coordinator = (ids: IncidentIds): Actor => member(CENTRE.organisationId, ids.n);

/** The incident's first (index 0) or added domain, over a few TLDs, `co.uk` among them. */
export const domainOf = (ids: IncidentIds, index: number): DomainName =>
  normaliseDomain(
    `${index === 0 ? 'login' : 'mirror'}-${ids.n.toString(36)}-${index}.${TLDS[(ids.n + index) % TLDS.length] ?? 'com'}`,
  );

/** What routing would have decided for the domain: registrar by RDAP, registry, the centre last. */
export function decisionFor(domain: DomainName, ids: IncidentIds, at: Date): RoutingDecision {
  const fetchedAt = at.toISOString();
  const routed = (role: 'REGISTRAR' | 'REGISTRY' | 'COORDINATION_CENTRE', p: EscalationParty) => ({
    role,
    organisationId: p.organisationId,
    name: p.name,
    ianaId: role === 'REGISTRAR' ? 1000 + (ids.n % REGISTRARS.length) : null,
    contacts: [
      {
        role: 'ABUSE' as const,
        email: `abuse@${p.name.replace(/\W/g, '').toLowerCase()}.example`,
        phone: null,
        webFormUrl: null,
      },
    ],
    confidence: role === 'REGISTRAR' ? ('HIGH' as const) : ('MEDIUM' as const),
    evidence: [{ source: `RDAP https://rdap.example/${domain.tld}/domain/${domain.name}`, fetchedAt }],
  });
  const registrar = routed('REGISTRAR', registrarOf(ids));
  const registry = routed('REGISTRY', REGISTRY);
  return {
    domain: domain.name,
    registrableDomain: domain.registrableDomain,
    publicSuffix: domain.publicSuffix,
    tld: domain.tld,
    tldType: domain.tld.length === 2 ? 'COUNTRY_CODE' : 'GENERIC',
    country: domain.tld.length === 2 ? domain.tld.toUpperCase() : null,
    platform: null,
    registry,
    registrar,
    csirt: null,
    chain: [registrar, registry, routed('COORDINATION_CENTRE', CENTRE)],
    unknowns: [{ role: 'PLATFORM', reason: 'No hosting platform found for the resolved addresses' }],
    decidedAt: fetchedAt,
  };
}
