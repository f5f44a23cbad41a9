import {
  DECIDED_AT,
  DIRECTORY_AT,
  RDAP_AT,
  RDAP_DISABLED,
  ROOT_ZONE_AT,
  ROOT_ZONE_SOURCE,
  contact,
  directoryParty,
  given,
  gtld,
  rdapContact,
  rdapFailed,
  rdapFound,
  rdapNotFound,
  rdapRegistrar,
  reasonFor,
  rolesOf,
  routingFacts,
} from './testing/routing-facts';

const VERISIGN_RDAP = 'https://rdap.verisign.com/com/v1/domain/login-paypa1.com';
const MARKMONITOR_RDAP = 'https://rdap.markmonitor.com/rdap/domain/login-paypa1.com';
const com = gtld('com', {
  registryOperator: 'VeriSign Global Registry Services',
  registryOrganisationId: 'org-vrsn',
});
const markMonitor = directoryParty('REGISTRAR', 'MarkMonitor', {
  ianaId: 292,
  contacts: [
    contact('ABUSE', 'AbuseComplaints@MarkMonitor.com'),
    contact('ESCALATION', 'escalations@markmonitor.example', { phone: '+1.2083895740' }),
  ],
});

describe('routeDomain: a .com domain that registry RDAP knows', () => {
  const found = rdapFound({ sources: [VERISIGN_RDAP, MARKMONITOR_RDAP] });

  it('given a registrar in the directory, routes registrar, registry, then the centre, with the evidence for each', () => {
    const decision = given(routingFacts({ tld: com, rdap: found, registrar: markMonitor })).whenRouting(
      'WWW.Login-Paypa1.com.',
    );

    expect(decision).toEqual({
      domain: 'www.login-paypa1.com',
      registrableDomain: 'login-paypa1.com',
      publicSuffix: 'com',
      tld: 'com',
      tldType: 'GENERIC',
      country: null,
      platform: null,
      registrar: {
        role: 'REGISTRAR',
        organisationId: 'org-markmonitor',
        name: 'MarkMonitor',
        ianaId: 292,
        // RDAP's abuse contact first; the directory's copy of the same address adds nothing.
        contacts: [
          contact('ABUSE', 'abusecomplaints@markmonitor.com', { phone: '+1.2086851750' }),
          contact('ESCALATION', 'escalations@markmonitor.example', { phone: '+1.2083895740' }),
        ],
        confidence: 'HIGH',
        evidence: [
          { source: `RDAP ${VERISIGN_RDAP}`, fetchedAt: RDAP_AT },
          { source: `RDAP ${MARKMONITOR_RDAP}`, fetchedAt: RDAP_AT },
          { source: 'directory (registered by a coordinator)', fetchedAt: DIRECTORY_AT },
        ],
      },
      registry: {
        role: 'REGISTRY',
        organisationId: 'org-vrsn',
        name: 'VeriSign Global Registry Services',
        ianaId: null,
        contacts: [],
        confidence: 'HIGH',
        evidence: [{ source: ROOT_ZONE_SOURCE, fetchedAt: ROOT_ZONE_AT }],
      },
      csirt: null,
      chain: [
        decision.registrar,
        decision.registry,
        expect.objectContaining({ role: 'COORDINATION_CENTRE' }),
      ],
      unknowns: [
        {
          role: 'PLATFORM',
          reason: 'com is an ICANN public suffix, not a private one: no hosting platform answers for it',
        },
        {
          role: 'REGISTRY',
          reason: 'no directory organisation covers .com, so no contact for its registry is known',
        },
        {
          role: 'NATIONAL_CSIRT',
          reason: '.com is a generic TLD, not a ccTLD: it has no country, so no national CSIRT covers it',
        },
      ],
      decidedAt: DECIDED_AT,
    });
  });

  it('given a registrar the directory lacks, names it from RDAP with its IANA id and RDAP contacts only', () => {
    const otherRegistrar = directoryParty('REGISTRAR', 'Other', { ianaId: 1 });
    const { registrar } = given(
      routingFacts({ tld: com, rdap: found, registrar: otherRegistrar }),
    ).whenRouting('login-paypa1.com');

    expect(registrar).toMatchObject({
      organisationId: null,
      name: 'MarkMonitor Inc.',
      ianaId: 292,
      confidence: 'HIGH',
    });
    expect(registrar?.contacts).toEqual([
      contact('ABUSE', 'abusecomplaints@markmonitor.com', { phone: '+1.2086851750' }),
    ]);
    expect(registrar?.evidence.map((item) => item.source)).toEqual([
      `RDAP ${VERISIGN_RDAP}`,
      `RDAP ${MARKMONITOR_RDAP}`,
    ]);
  });

  it.each([
    ['a name but no IANA id', 'MEDIUM', { ianaId: null }, 'MarkMonitor Inc.'],
    [
      'only an abuse contact',
      'LOW',
      { ianaId: null, name: null },
      'sponsoring registrar of x.com (unnamed in RDAP)',
    ],
    ['an IANA id but no name', 'HIGH', { name: null }, 'registrar with IANA id 292'],
  ])('given RDAP gives %s, rates the registrar %s', (_what, confidence, registrar, name) => {
    const decision = given(
      routingFacts({ tld: com, rdap: rdapFound({ registrar: rdapRegistrar(registrar) }) }),
    ).whenRouting('x.com');

    expect(decision.registrar).toMatchObject({ name, confidence });
  });

  it('given RDAP gives a registrar without any contact, says that nobody there can be reached', () => {
    const noContacts = rdapFound({
      registrar: rdapRegistrar({ abuseContacts: [rdapContact(null, null, 'x')] }),
    });
    const decision = given(routingFacts({ tld: com, rdap: noContacts })).whenRouting('x.com');

    expect(decision.registrar?.contacts).toEqual([]);
    expect(reasonFor(decision, 'REGISTRAR')).toBe(
      'no contact is known for the registrar: the RDAP answer has no abuse contact and no directory registrar has IANA id 292',
    );
  });
});

describe('routeDomain: the registrar is unknown, never guessed', () => {
  it.each([
    [
      'RDAP is disabled',
      RDAP_DISABLED,
      /^RDAP lookups are disabled.*registry and the national CSIRT are asked/,
    ],
    [
      'the lookup failed',
      rdapFailed('HTTP 503', 'https://rdap.verisign.com/com/v1/'),
      /failed at https:\/\/rdap\.verisign\.com\/com\/v1\/: HTTP 503$/,
    ],
    [
      'the lookup failed before a server was chosen',
      rdapFailed('timeout', null),
      /^the RDAP lookup for x\.com failed: timeout$/,
    ],
    [
      'the registry does not know the domain',
      rdapNotFound(VERISIGN_RDAP),
      /^x\.com was not found in registry RDAP/,
    ],
    [
      'the registrar is redacted',
      rdapFound({ registrar: null, redacted: ['Registrar Name'] }),
      /redacts its registrar \(RFC 9537\)$/,
    ],
    [
      'the answer has no registrar',
      rdapFound({ registrar: null, redacted: ['Registrant Name'] }),
      /names no sponsoring registrar$/,
    ],
  ])('given %s, says why', (_what, rdap, reason) => {
    const decision = given(routingFacts({ tld: com, rdap })).whenRouting('x.com');

    expect(decision.registrar).toBeNull();
    expect(reasonFor(decision, 'REGISTRAR')).toMatch(reason);
    expect(rolesOf(decision.chain)).toEqual(['REGISTRY', 'COORDINATION_CENTRE']);
  });
});
