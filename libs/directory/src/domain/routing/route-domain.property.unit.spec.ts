import { normaliseDomain } from '@app/core';
import fc from 'fast-check';
import type { RdapDomainOutcome } from './rdap-outcome';
import type { RoutingFacts } from './route-domain';
import { routeDomain } from './route-domain';
import type { DirectoryParty, RoutedRole, RoutingDecision } from './routing-decision';
import { ROUTED_ROLES } from './routing-decision';
import { DECIDED_AT, cctld, directoryParty, gtld, rdapFound, rdapRegistrar } from './testing/routing-facts';

/** ICANN and private suffixes, gTLDs and ccTLDs, IDN included. */
const domains = [
  'x.com',
  'bücher.de',
  'a.b.co.uk',
  'x.duckdns.org',
  'site.workers.dev',
  'u.github.io',
  'пример.рф',
].map((name) => normaliseDomain(name));

/**
 * Organisation ids come from a small pool so that one organisation often holds two roles. The
 * coordination centre keeps its own: the directory gives every organisation one kind.
 */
const party = (kind: DirectoryParty['kind'], ids: readonly string[]): fc.Arbitrary<DirectoryParty | null> =>
  fc.option(
    fc.record({ id: fc.constantFrom(...ids), verified: fc.boolean(), contacts: fc.boolean() }).map((drawn) =>
      directoryParty(kind, drawn.id, {
        organisationId: drawn.id,
        verified: drawn.verified,
        ...(drawn.contacts ? {} : { contacts: [] }),
      }),
    ),
  );
const shared = ['org-a', 'org-b', 'org-c'];

const tldFacts = fc.option(
  fc.oneof(
    fc.constant(gtld('com')),
    fc.constantFrom('DE', 'GB', 'RU', null).map((country) => cctld('xx', country)),
  ),
);

const rdap: fc.Arbitrary<RdapDomainOutcome> = fc.oneof(
  fc.constant<RdapDomainOutcome>({ kind: 'disabled' }),
  fc.constant<RdapDomainOutcome>({ kind: 'no_service', reason: 'not in dns.json' }),
  fc.constant<RdapDomainOutcome>({ kind: 'failed', reason: 'timeout', source: null }),
  fc.constant<RdapDomainOutcome>({
    kind: 'not_found',
    source: 'https://rdap.example/',
    fetchedAt: DECIDED_AT,
  }),
  fc
    .record({
      ianaId: fc.option(fc.integer({ min: 1, max: 5 })),
      name: fc.option(fc.constant('Registrar Inc.')),
      withContact: fc.boolean(),
      absent: fc.boolean(),
    })
    .map(({ ianaId, name, withContact, absent }) =>
      rdapFound({
        registrar: absent
          ? null
          : rdapRegistrar({
              ianaId,
              name,
              abuseContacts: withContact ? [{ email: 'a@r.example', phone: null, source: 's' }] : [],
            }),
      }),
    ),
);

const facts: fc.Arbitrary<RoutingFacts> = fc.record({
  tld: tldFacts,
  registry: party('REGISTRY', shared),
  rdap,
  registrar: party('REGISTRAR', shared).map((p) => (p === null ? null : { ...p, ianaId: 1 })),
  csirt: party('CSIRT', shared),
  platform: party('HOSTING_PLATFORM', shared),
  coordinationCentre: party('COORDINATION_CENTRE', ['org-centre']),
});

const category = fc.oneof(
  fc.constantFrom('PHISHING', 'CACHE_POISONING', 'DDOS_AMPLIFICATION', 'OTHER'),
  fc.string(),
);

const rolesPresent = (decision: RoutingDecision): Set<RoutedRole> =>
  new Set(
    [...decision.chain, decision.platform, decision.registrar, decision.registry, decision.csirt].flatMap(
      (p) => (p === null ? [] : [p.role]),
    ),
  );

describe('routeDomain properties', () => {
  const decisions = fc.tuple(fc.constantFrom(...domains), category, facts).map(([domain, cat, given]) => ({
    again: () => routeDomain(domain, cat, given, DECIDED_AT),
    decision: routeDomain(domain, cat, given, DECIDED_AT),
  }));

  it('never asks a party twice, and asks the coordination centre last', () => {
    fc.assert(
      fc.property(decisions, ({ decision }) => {
        const ids = decision.chain.flatMap((p) => (p.organisationId === null ? [] : [p.organisationId]));
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(decision.chain.map((p) => p.role)).size).toBe(decision.chain.length);
        const centre = decision.chain.findIndex((p) => p.role === 'COORDINATION_CENTRE');
        if (centre !== -1) expect(centre).toBe(decision.chain.length - 1);
      }),
      { numRuns: 500 },
    );
  });

  it('says why for every role it has no party for', () => {
    fc.assert(
      fc.property(decisions, ({ decision }) => {
        const present = rolesPresent(decision);
        for (const role of ROUTED_ROLES.filter((r) => !present.has(r))) {
          const reasons = decision.unknowns.filter((u) => u.role === role).map((u) => u.reason);
          expect(reasons).toEqual([expect.stringMatching(/\S/)]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('decides the same way for the same inputs', () => {
    fc.assert(
      fc.property(decisions, ({ decision, again }) => {
        expect(again()).toEqual(decision);
      }),
      { numRuns: 200 },
    );
  });
});
