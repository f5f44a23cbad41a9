import { readFileSync } from 'node:fs';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import { fixtureRdapClient } from './testing/fixture-rdap-client';
import { RdapFixtureServer, withRelatedLinksAt } from './testing/rdap-fixture.server';

const recorded = (file: string) => readFileSync(sharedDataPath('rdap', 'responses', file), 'utf8');
const MARKMONITOR_ABUSE = 'abusecomplaints@markmonitor.com';

describeWithSharedData('RdapClient against recorded answers served over HTTP', () => {
  let server: RdapFixtureServer;
  let registryUrl: string;
  let registrarUrl: string;
  beforeEach(async () => {
    server = await RdapFixtureServer.start();
    registryUrl = `${server.baseUrl}com/v1/domain/google.com`;
    registrarUrl = `${server.baseUrl}registrars/rdap.markmonitor.com/rdap/domain/GOOGLE.COM`;
    const registryStep = recorded('verisign-com__google.com.registry-step.json');
    server.route('com/v1/domain/google.com', {
      body: withRelatedLinksAt(registryStep, `${server.baseUrl}registrars/`),
    });
    server.route('registrars/rdap.markmonitor.com/rdap/domain/GOOGLE.COM', {
      body: recorded('markmonitor-registrar__google.com.registrar-step.json'),
    });
  });
  afterEach(() => server.close());

  it('follows google.com from Verisign to MarkMonitor', async () => {
    const { client, time } = fixtureRdapClient(server, { registrarStep: 'always' });
    expect(await client.lookupDomain('google.com')).toEqual({
      kind: 'found',
      registrar: {
        ianaId: 292,
        name: 'MarkMonitor Inc.',
        rdapUrl: registrarUrl,
        // Both servers publish this contact; it is listed once, from the registry.
        abuseContacts: [{ email: MARKMONITOR_ABUSE, phone: '+1.2086851750', source: registryUrl }],
      },
      status: [
        'client delete prohibited',
        'client transfer prohibited',
        'client update prohibited',
        'server delete prohibited',
        'server transfer prohibited',
        'server update prohibited',
      ],
      redacted: [],
      sources: [registryUrl, registrarUrl],
      fetchedAt: time.iso(),
    });
    expect(server.requests).toEqual([
      '/com/v1/domain/google.com',
      '/registrars/rdap.markmonitor.com/rdap/domain/GOOGLE.COM',
    ]);
    expect(server.acceptHeaders).toEqual([
      'application/rdap+json, application/json',
      'application/rdap+json, application/json',
    ]);
  });

  it('stops at the registry by default when it already names the abuse contact', async () => {
    const { client } = fixtureRdapClient(server);
    expect(await client.lookupDomain('google.com')).toMatchObject({ kind: 'found', sources: [registryUrl] });
    expect(server.requests).toHaveLength(1);
  });

  it('takes the abuse contact from the registrar when the registry answer lacks it', async () => {
    const registryStep = JSON.parse(recorded('verisign-com__google.com.registry-step.json')) as {
      entities: { entities?: unknown }[];
    };
    for (const entity of registryStep.entities) delete entity.entities;
    const body = withRelatedLinksAt(JSON.stringify(registryStep), `${server.baseUrl}registrars/`);
    server.route('com/v1/domain/google.com', { body });
    const { client } = fixtureRdapClient(server);
    expect(await client.lookupDomain('google.com')).toMatchObject({
      kind: 'found',
      registrar: {
        ianaId: 292,
        name: 'MarkMonitor Inc.',
        abuseContacts: [{ email: MARKMONITOR_ABUSE, phone: '+1.2086851750', source: registrarUrl }],
      },
      sources: [registryUrl, registrarUrl],
    });
  });

  it('keeps the registry answer when the registrar server fails', async () => {
    server.route('registrars/rdap.markmonitor.com/rdap/domain/GOOGLE.COM', { status: 500 });
    const { client } = fixtureRdapClient(server, { registrarStep: 'always' });
    expect(await client.lookupDomain('google.com')).toMatchObject({
      kind: 'found',
      registrar: { ianaId: 292, abuseContacts: [{ email: MARKMONITOR_ABUSE, source: registryUrl }] },
      sources: [registryUrl, registrarUrl],
    });
    expect(server.count('registrars/rdap.markmonitor.com/rdap/domain/GOOGLE.COM')).toBe(3);
  });

  it.each([
    [
      'afnic.fr',
      'fr/domain/afnic.fr',
      'afnic-fr__afnic.fr.json',
      { ianaId: 9999, name: 'Registry Operations' },
      ['active'],
    ],
    [
      'norway.no',
      'no/domain/norway.no',
      'norid-no__norway.no.json',
      { ianaId: null, name: 'Domeneshop AS' },
      [],
    ],
    [
      'example.cz',
      'cz/domain/example.cz',
      'cznic-cz__example.cz.json',
      { ianaId: null, name: null },
      ['active'],
    ],
  ])('reads %s from its ccTLD registry', async (domain, path, file, registrar, status) => {
    server.route(path, { body: recorded(file) });
    const { client } = fixtureRdapClient(server);
    expect(await client.lookupDomain(domain)).toMatchObject({
      kind: 'found',
      registrar: { ...registrar, rdapUrl: null, abuseContacts: [] },
      status,
      redacted: [],
      sources: [`${server.baseUrl}${path}`],
    });
  });

  it('lists the fields an RFC 9537 server declares redacted', async () => {
    server.route('com/v1/domain/example.com', {
      body: recorded('SYNTHETIC-rfc9537-redaction__example.com.json'),
    });
    const { client } = fixtureRdapClient(server);
    const outcome = await client.lookupDomain('example.com');
    expect(outcome).toMatchObject({
      kind: 'found',
      registrar: { ianaId: 1, abuseContacts: [{ email: 'abuse@organization.example' }] },
    });
    expect(outcome.kind === 'found' ? outcome.redacted : []).toEqual(
      expect.arrayContaining(['Registry Domain ID', 'Registrant Email', 'Technical Fax', 'Billing Contact']),
    );
    expect(outcome.kind === 'found' ? outcome.redacted : []).toHaveLength(14);
  });
});
