import {
  DIRECTORY_AT,
  ROOT_ZONE_AT,
  ROOT_ZONE_SOURCE,
  cctld,
  coordinationCentre,
  directoryParty,
  given,
  gtld,
  rdapNoService,
  reasonFor,
  rolesOf,
  routingFacts,
} from './testing/routing-facts';

const com = gtld('com');

describe('routeDomain: a ccTLD without RDAP (.de)', () => {
  const de = cctld('de', 'DE', { registryOperator: 'DENIC eG' });
  const denic = directoryParty('REGISTRY', 'DENIC', {
    verified: false,
    source: 'directory (import of tlds)',
  });
  const certBund = directoryParty('CSIRT', 'CERT-Bund', {
    verified: false,
    source: 'directory (import of csirts)',
  });
  const facts = routingFacts({
    tld: de,
    registry: denic,
    csirt: certBund,
    rdap: rdapNoService('not in dns.json'),
  });

  it('routes to the registry and the national CSIRT, and says why the registrar is unknown', () => {
    const decision = given(facts).whenRouting('bücher.de');

    expect(decision).toMatchObject({ domain: 'xn--bcher-kva.de', tldType: 'COUNTRY_CODE', country: 'DE' });
    expect(rolesOf(decision.chain)).toEqual(['REGISTRY', 'NATIONAL_CSIRT', 'COORDINATION_CENTRE']);
    expect(reasonFor(decision, 'REGISTRAR')).toBe(
      '.de has no RDAP service (not in dns.json): the registry and the national CSIRT are asked for the registrar instead',
    );
  });

  it('trusts the root zone for the registry and an unverified CSIRT list only so far', () => {
    const decision = given(facts).whenRouting('bücher.de');

    expect(decision.registry).toMatchObject({
      name: 'DENIC',
      organisationId: 'org-denic',
      confidence: 'HIGH',
    });
    expect(decision.registry?.evidence).toEqual([
      { source: ROOT_ZONE_SOURCE, fetchedAt: ROOT_ZONE_AT },
      { source: 'directory (import of tlds)', fetchedAt: DIRECTORY_AT },
    ]);
    expect(decision.csirt).toMatchObject({ name: 'CERT-Bund', confidence: 'MEDIUM', ianaId: null });
    expect(decision.csirt?.evidence).toEqual([
      { source: 'directory (import of csirts)', fetchedAt: DIRECTORY_AT },
      { source: ROOT_ZONE_SOURCE, fetchedAt: ROOT_ZONE_AT },
    ]);
  });

  it('given no directory CSIRT for the country, says so', () => {
    const decision = given({ ...facts, csirt: null }).whenRouting('bücher.de');

    expect(reasonFor(decision, 'NATIONAL_CSIRT')).toBe('no directory CSIRT covers DE, the country of .de');
  });

  it('given root zone data without a country, does not guess one', () => {
    const decision = given({ ...facts, tld: cctld('de', null) }).whenRouting('bücher.de');

    expect(decision.csirt).toBeNull();
    expect(reasonFor(decision, 'NATIONAL_CSIRT')).toBe(
      'the root zone data gives no country for the ccTLD .de',
    );
  });
});

describe('routeDomain: facts the directory lacks', () => {
  it('given a TLD missing from the root zone data, leaves registry and CSIRT unknown', () => {
    const decision = given(routingFacts({ csirt: directoryParty('CSIRT', 'Some CSIRT') })).whenRouting(
      'x.zip',
    );

    expect(decision).toMatchObject({ registry: null, csirt: null, tldType: null, country: null });
    expect(reasonFor(decision, 'REGISTRY')).toBe(
      '.zip is not in the imported root zone data and no directory registry covers it',
    );
    expect(reasonFor(decision, 'NATIONAL_CSIRT')).toBe(
      'the country behind .zip is unknown: the TLD is not in the imported root zone data',
    );
  });

  it('given only a directory registry for a TLD missing from the root zone, trusts it as far as it is verified', () => {
    const registry = directoryParty('REGISTRY', 'Zip Registry', { verified: false });
    const decision = given(routingFacts({ registry })).whenRouting('x.zip');

    expect(decision.registry).toMatchObject({ name: 'Zip Registry', confidence: 'MEDIUM' });
    expect(decision.registry?.evidence).toEqual([{ source: registry.source, fetchedAt: DIRECTORY_AT }]);
  });

  it('given a gTLD, ignores any CSIRT passed and says a gTLD has no country', () => {
    const decision = given(routingFacts({ tld: com, csirt: directoryParty('CSIRT', 'US-CERT') })).whenRouting(
      'x.com',
    );

    expect(decision.csirt).toBeNull();
    expect(reasonFor(decision, 'NATIONAL_CSIRT')).toMatch(/not a ccTLD: it has no country/);
  });

  it('given no coordination centre, ends the chain without one and says so', () => {
    const decision = given(routingFacts({ tld: com, coordinationCentre: null })).whenRouting('x.com');

    expect(rolesOf(decision.chain)).toEqual(['REGISTRY']);
    expect(reasonFor(decision, 'COORDINATION_CENTRE')).toBe(
      'the directory has no coordination centre organisation',
    );
  });

  it('given an unverified coordination centre, rates it MEDIUM', () => {
    const decision = given(
      routingFacts({ coordinationCentre: coordinationCentre({ verified: false }) }),
    ).whenRouting('x.com');

    expect(decision.chain.at(-1)).toMatchObject({ role: 'COORDINATION_CENTRE', confidence: 'MEDIUM' });
  });
});
