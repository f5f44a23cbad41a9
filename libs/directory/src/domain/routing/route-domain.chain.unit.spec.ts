import { normaliseDomain } from '@app/core';
import { DEFAULT_ESCALATION_ORDER, ESCALATION_ORDER_BY_CATEGORY, escalationOrder } from './escalation-order';
import { ROUTED_ROLES } from './routing-decision';
import { nationalCsirtCountry, routingKeys } from './routing-keys';
import {
  DECIDED_AT,
  DIRECTORY_AT,
  cctld,
  contact,
  directoryParty,
  given,
  gtld,
  rdapFound,
  rdapRegistrar,
  reasonFor,
  rolesOf,
  routingFacts,
} from './testing/routing-facts';

const org = gtld('org', { registryOperator: 'Public Interest Registry' });
const dev = gtld('dev', { registryOperator: 'Charleston Road Registry Inc.' });
const duckDns = directoryParty('HOSTING_PLATFORM', 'Duck DNS', {
  contacts: [contact('ABUSE', 'abuse@duckdns.example')],
});

describe('routingKeys', () => {
  it('asks registry RDAP about the registration the registry holds: the platform domain under a private suffix', () => {
    expect(routingKeys(normaliseDomain('Bot.X.DuckDNS.org'))).toEqual({
      tld: 'org',
      registrableDomain: 'x.duckdns.org',
      rdapDomain: 'duckdns.org',
      privateSuffix: 'duckdns.org',
    });
    expect(routingKeys(normaliseDomain('a.b.s3.amazonaws.com')).rdapDomain).toBe('amazonaws.com');
  });

  it('uses the registrable domain itself under an ICANN suffix', () => {
    expect(routingKeys(normaliseDomain('www.example.co.uk'))).toEqual({
      tld: 'uk',
      registrableDomain: 'example.co.uk',
      rdapDomain: 'example.co.uk',
      privateSuffix: null,
    });
  });

  it('looks a national CSIRT up by the country of a ccTLD only', () => {
    expect(nationalCsirtCountry(cctld('fr', 'FR'))).toBe('FR');
    expect(nationalCsirtCountry(gtld('com', { country: 'US' }))).toBeNull();
    expect(nationalCsirtCountry(null)).toBeNull();
  });
});

describe('routeDomain: a domain under a private suffix', () => {
  it('given a platform organisation, asks the platform first, with PSL and directory evidence', () => {
    const rdap = rdapFound({ sources: ['https://rdap.publicinterestregistry.org/rdap/domain/duckdns.org'] });
    const decision = given(routingFacts({ tld: org, platform: duckDns, rdap })).whenRouting('x.duckdns.org');

    expect(decision.platform).toEqual({
      role: 'PLATFORM',
      organisationId: 'org-duck-dns',
      name: 'Duck DNS',
      ianaId: null,
      contacts: [contact('ABUSE', 'abuse@duckdns.example')],
      confidence: 'HIGH',
      evidence: [
        { source: 'Public Suffix List (tldts)', fetchedAt: DECIDED_AT },
        { source: 'directory (registered by a coordinator)', fetchedAt: DIRECTORY_AT },
      ],
    });
    expect(rolesOf(decision.chain)).toEqual(['PLATFORM', 'REGISTRAR', 'REGISTRY', 'COORDINATION_CENTRE']);
    expect(reasonFor(decision, 'PLATFORM')).toBeUndefined();
  });

  it('given no platform organisation, still names the suffix operator (the PSL says so) and says no contact is known', () => {
    const decision = given(routingFacts({ tld: dev })).whenRouting('floral-resonance.kurtifumla.workers.dev');

    expect(decision.platform).toEqual({
      role: 'PLATFORM',
      organisationId: null,
      name: 'operator of workers.dev',
      ianaId: null,
      contacts: [],
      confidence: 'HIGH',
      evidence: [{ source: 'Public Suffix List (tldts)', fetchedAt: DECIDED_AT }],
    });
    expect(decision.chain[0]).toBe(decision.platform);
    expect(reasonFor(decision, 'PLATFORM')).toBe(
      'no directory organisation covers the private suffix workers.dev, so no contact for its operator is known',
    );
  });

  it('reads the not-found answer as being about the platform domain the registry was asked for', () => {
    const decision = given(
      routingFacts({
        tld: org,
        rdap: { kind: 'not_found', source: 'https://rdap.pir.org/', fetchedAt: DECIDED_AT },
      }),
    ).whenRouting('x.duckdns.org');

    expect(reasonFor(decision, 'REGISTRAR')).toBe(
      'duckdns.org was not found in registry RDAP (https://rdap.pir.org/)',
    );
  });
});

describe('routeDomain: escalation order by category', () => {
  const fr = cctld('fr', 'FR', { registryOperator: 'AFNIC' });
  const certFr = directoryParty('CSIRT', 'CERT-FR');
  const facts = routingFacts({ tld: fr, csirt: certFr, rdap: rdapFound() });

  it.each([
    ['PHISHING', ['REGISTRAR', 'REGISTRY', 'NATIONAL_CSIRT', 'COORDINATION_CENTRE']],
    ['OTHER', ['REGISTRAR', 'REGISTRY', 'NATIONAL_CSIRT', 'COORDINATION_CENTRE']],
    ['constructor', ['REGISTRAR', 'REGISTRY', 'NATIONAL_CSIRT', 'COORDINATION_CENTRE']],
    ['CACHE_POISONING', ['NATIONAL_CSIRT', 'REGISTRAR', 'REGISTRY', 'COORDINATION_CENTRE']],
    ['DDOS_AMPLIFICATION', ['NATIONAL_CSIRT', 'REGISTRAR', 'REGISTRY', 'COORDINATION_CENTRE']],
  ])('given %s, asks %j', (category, roles) => {
    expect(rolesOf(given(facts).whenRouting('exemple.fr', category).chain)).toEqual(roles);
  });

  it('keeps the platform first under a private suffix, whatever the category', () => {
    const decision = given(routingFacts({ tld: org, platform: duckDns })).whenRouting(
      'x.duckdns.org',
      'CACHE_POISONING',
    );

    expect(rolesOf(decision.chain)).toEqual(['PLATFORM', 'REGISTRY', 'COORDINATION_CENTRE']);
  });

  it('asks an organisation named in two roles once, at its first place', () => {
    const afnic = directoryParty('REGISTRY', 'AFNIC');
    const decision = given({ ...facts, registry: afnic, csirt: afnic }).whenRouting('exemple.fr');

    expect(decision.csirt).not.toBeNull();
    expect(rolesOf(decision.chain)).toEqual(['REGISTRAR', 'REGISTRY', 'COORDINATION_CENTRE']);
  });

  it('lists every role once in every order, the coordination centre last', () => {
    for (const order of [DEFAULT_ESCALATION_ORDER, ...ESCALATION_ORDER_BY_CATEGORY.values()]) {
      expect([...order].sort()).toEqual([...ROUTED_ROLES].sort());
      expect(order.at(-1)).toBe('COORDINATION_CENTRE');
      expect(order[0]).toBe('PLATFORM');
    }
    expect(escalationOrder('SPAM')).toBe(DEFAULT_ESCALATION_ORDER);
  });
});

describe('routeDomain: registrar contacts', () => {
  it('keeps a directory contact that adds a channel, drops one that repeats RDAP', () => {
    const rdap = rdapFound({
      registrar: rdapRegistrar({
        ianaId: 9,
        abuseContacts: [{ email: 'abuse@reg.example', phone: null, source: 's' }],
      }),
    });
    const registrar = directoryParty('REGISTRAR', 'Reg', {
      ianaId: 9,
      contacts: [
        contact('ABUSE', 'ABUSE@reg.example'),
        contact('ABUSE', 'abuse@reg.example', { phone: '+33.100000000' }),
        contact('INCIDENT', 'abuse@reg.example'),
      ],
    });

    const decision = given(routingFacts({ tld: gtld('com'), rdap, registrar })).whenRouting('x.com');

    expect(decision.registrar?.contacts).toEqual([
      contact('ABUSE', 'abuse@reg.example'),
      contact('ABUSE', 'abuse@reg.example', { phone: '+33.100000000' }),
      contact('INCIDENT', 'abuse@reg.example'),
    ]);
  });
});
