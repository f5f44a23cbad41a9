import fc from 'fast-check';
import { parseRdapDomain, type RdapDomainParse } from './rdap-domain.parser';

const SOURCE = 'https://rdap.registry.example/domain/x.example';

const vcard = (...properties: unknown[]) => ['vcard', [['version', {}, 'text', '4.0'], ...properties]];
const registrarWith = (entity: Record<string, unknown>) => ({
  objectClassName: 'domain',
  entities: [{ objectClassName: 'entity', roles: ['registrar'], ...entity }],
});
const parsed = (result: RdapDomainParse) => {
  if (result.kind !== 'parsed') throw new Error(`expected a parse, got: ${result.reason}`);
  return result.domain;
};

describe('parseRdapDomain', () => {
  it.each([
    [null, 'null'],
    [[], 'an array'],
    ['{"objectClassName":"domain"}', 'a string'],
    [42, 'a number'],
  ])('refuses %j, which is not an object', (input, kind) => {
    expect(parseRdapDomain(input, SOURCE)).toEqual({
      kind: 'invalid',
      reason: `expected an RDAP domain object, got ${kind}`,
    });
  });

  it('refuses an RDAP error object and another class of object', () => {
    expect(parseRdapDomain({ errorCode: 400, title: 'Bad Request' }, SOURCE)).toEqual({
      kind: 'invalid',
      reason: 'the server answered an RDAP error object (errorCode 400: Bad Request)',
    });
    expect(parseRdapDomain({ objectClassName: 'entity' }, SOURCE)).toMatchObject({ kind: 'invalid' });
  });

  it('reads an empty object as a domain about which nothing is known', () => {
    expect(parsed(parseRdapDomain({}, SOURCE))).toEqual({
      registrar: null,
      status: [],
      redacted: [],
      relatedRegistrarUrl: null,
    });
  });

  it('ignores fields of the wrong type instead of throwing', () => {
    const odd = {
      objectClassName: 'domain',
      status: 'active',
      links: { rel: 'related' },
      redacted: [null, 7, { name: 'not an object' }],
      entities: [
        null,
        { roles: 'registrar' },
        { roles: ['REGISTRAR'], vcardArray: ['vcard', 'x'], entities: 3 },
      ],
    };
    expect(parsed(parseRdapDomain(odd, SOURCE))).toEqual({
      registrar: { ianaId: null, name: null, rdapUrl: null, abuseContacts: [] },
      status: [],
      redacted: [],
      relatedRegistrarUrl: null,
    });
  });

  it('takes only a numeric IANA Registrar ID, in any casing of its type', () => {
    const ids = (identifier: unknown) =>
      parsed(
        parseRdapDomain(registrarWith({ publicIds: [{ type: 'iana registrar id', identifier }] }), SOURCE),
      ).registrar?.ianaId;
    expect(ids('292')).toBe(292);
    expect(ids(292)).toBe(292);
    expect(ids('REDACTED FOR PRIVACY')).toBeNull();
    expect(ids('')).toBeNull();
  });

  it('reads abuse contacts: mailto and tel URIs, text numbers, fax skipped, the preferred first', () => {
    const abuse = (...properties: unknown[]) => ({ roles: ['abuse'], vcardArray: vcard(...properties) });
    const domain = registrarWith({
      vcardArray: vcard(['org', {}, 'text', 'Org Only Registrar']),
      entities: [
        abuse(
          ['email', {}, 'uri', 'mailto:abuse@one.example'],
          ['tel', { type: 'fax' }, 'uri', 'tel:+1.5550000000'],
        ),
        abuse(
          ['tel', { type: 'voice', pref: '2' }, 'text', '+44.2070000000'],
          ['tel', { type: ['work', 'voice'], pref: '1' }, 'uri', 'tel:+44.2071111111;ext=12'],
        ),
        abuse(['fn', {}, 'text', 'Nobody to reach']),
        { roles: ['technical'], vcardArray: vcard(['email', {}, 'text', 'tech@one.example']) },
      ],
    });
    expect(parsed(parseRdapDomain(domain, SOURCE)).registrar).toEqual({
      ianaId: null,
      name: 'Org Only Registrar',
      rdapUrl: null,
      abuseContacts: [
        { email: 'abuse@one.example', phone: null, source: SOURCE },
        { email: null, phone: '+44.2071111111;ext=12', source: SOURCE },
      ],
    });
  });

  it('drops a phone number too short to dial', () => {
    const domain = registrarWith({
      entities: [
        {
          roles: ['abuse'],
          vcardArray: vcard(['email', {}, 'text', 'a@b.example'], ['tel', {}, 'uri', 'tel:+7']),
        },
      ],
    });
    expect(parsed(parseRdapDomain(domain, SOURCE)).registrar?.abuseContacts).toEqual([
      { email: 'a@b.example', phone: null, source: SOURCE },
    ]);
  });

  it('follows only an RDAP-typed related link to a domain, resolving a relative href', () => {
    const withLinks = (...links: unknown[]) => parsed(parseRdapDomain({ links }, SOURCE)).relatedRegistrarUrl;
    expect(
      withLinks({ rel: 'related', type: 'text/html', href: 'https://registrar.example/domain/x.example' }),
    ).toBeNull();
    expect(
      withLinks({ rel: 'related', type: 'application/rdap+json', href: 'https://registrar.example/help' }),
    ).toBeNull();
    expect(
      withLinks({ rel: 'related', type: 'application/rdap+json', href: 'ftp://registrar.example/domain/x' }),
    ).toBeNull();
    expect(
      withLinks(
        { rel: 'self', type: 'application/rdap+json', href: 'https://other.example/domain/x.example' },
        { rel: 'Related', type: 'application/rdap+json; charset=utf-8', href: '/registrar/domain/x.example' },
      ),
    ).toBe('https://rdap.registry.example/registrar/domain/x.example');
  });

  it('names a redaction by name.type, else by its path', () => {
    const redacted = [
      { name: { type: 'Registrant Email' }, prePath: '$.a' },
      { prePath: '$.entities[0].handle' },
      { postPath: '$.entities[1].vcardArray' },
      { name: {}, method: 'removal' },
      { name: { type: 'Registrant Email' } },
    ];
    expect(parsed(parseRdapDomain({ redacted }, SOURCE)).redacted).toEqual([
      'Registrant Email',
      '$.entities[0].handle',
      '$.entities[1].vcardArray',
    ]);
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(['parsed', 'invalid']).toContain(parseRdapDomain(json, SOURCE).kind);
      }),
    );
  });

  it('never throws on RDAP-shaped answers with odd values in every field', () => {
    const odd = fc.anything();
    const vcardProperty = fc.tuple(fc.constantFrom('fn', 'org', 'email', 'tel'), odd, odd, odd);
    const entity = (nested: fc.Arbitrary<unknown>) =>
      fc.record(
        {
          roles: fc.oneof(fc.constant(['registrar']), fc.constant(['abuse']), odd),
          vcardArray: fc.oneof(fc.tuple(fc.constant('vcard'), fc.array(fc.oneof(vcardProperty, odd))), odd),
          publicIds: fc.oneof(
            fc.array(fc.record({ type: fc.constant('IANA Registrar ID'), identifier: odd })),
            odd,
          ),
          entities: nested,
        },
        { requiredKeys: [] },
      );
    const answer = fc.record(
      {
        objectClassName: fc.oneof(fc.constant('domain'), odd),
        status: odd,
        redacted: fc.oneof(fc.array(fc.record({ name: odd, prePath: odd, postPath: odd })), odd),
        links: fc.oneof(
          fc.array(fc.record({ rel: fc.constant('related'), type: odd, href: odd, value: odd })),
          odd,
        ),
        entities: fc.oneof(fc.array(entity(fc.oneof(fc.array(entity(odd)), odd))), odd),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(answer, (json) => {
        expect(['parsed', 'invalid']).toContain(parseRdapDomain(json, SOURCE).kind);
      }),
    );
  });
});
