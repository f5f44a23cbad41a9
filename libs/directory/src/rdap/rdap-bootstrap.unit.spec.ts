import { readFileSync } from 'node:fs';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import {
  RdapBootstrap,
  RdapBootstrapError,
  parseRdapBootstrapFile,
  parseSupplementalRdapFile,
  type RdapServiceTable,
} from './rdap-bootstrap';

const FILE = 'dns.json';
const bootstrapFile = (services: unknown) => ({
  version: '1.0',
  publication: '2026-07-23T02:00:03Z',
  services,
});
const problemOf = (parse: () => unknown): string => {
  try {
    parse();
  } catch (error) {
    if (error instanceof RdapBootstrapError) return `${error.file}: ${error.problem}`;
    throw error;
  }
  throw new Error('expected an RdapBootstrapError');
};

describeWithSharedData('RdapBootstrap from the IANA and supplemental files', () => {
  const readJson = (name: string): unknown =>
    JSON.parse(readFileSync(sharedDataPath('rdap', 'bootstrap', name), 'utf8'));
  let iana: RdapServiceTable;
  let supplemental: RdapServiceTable;
  let bootstrap: RdapBootstrap;
  beforeAll(() => {
    iana = parseRdapBootstrapFile(readJson('dns.json'), 'dns.json');
    supplemental = parseSupplementalRdapFile(
      readJson('supplemental-cctld-rdap.case-iana-data.json'),
      'supplemental.json',
    );
    bootstrap = RdapBootstrap.fromTables(iana, supplemental);
  });

  it('maps the IANA TLDs to their registry servers', () => {
    expect(iana.publication).toBe('2026-07-23T02:00:03Z');
    expect(iana.services.size).toBe(1200);
    expect(bootstrap.baseUrlsFor('com')).toEqual(['https://rdap.verisign.com/com/v1/']);
    expect(bootstrap.baseUrlsFor('COM.')).toEqual(['https://rdap.verisign.com/com/v1/']);
    expect(bootstrap.baseUrlsFor('fr')).toEqual(['https://rdap.nic.fr/']);
    expect(bootstrap.baseUrlsFor('no')).toEqual(['https://rdap.norid.no/']);
    expect(bootstrap.baseUrlsFor('cz')).toEqual(['https://rdap.nic.cz/']);
    expect(bootstrap.baseUrlsFor('kg')).toEqual(['http://rdap.cctld.kg/']);
  });

  it('fills ccTLDs missing from IANA from the supplemental file', () => {
    expect(iana.services.has('de')).toBe(false);
    expect(bootstrap.baseUrlsFor('de')).toEqual(['https://rdap.denic.de/']);
    expect(bootstrap.baseUrlsFor('io')).toEqual(['https://rdap.identitydigital.services/rdap/']);
    expect(bootstrap.size).toBe(iana.services.size + supplemental.services.size);
  });

  it('has no service for a TLD neither file lists', () => {
    expect(bootstrap.baseUrlsFor('invalid')).toEqual([]);
    expect(bootstrap.baseUrlsForDomain('example.invalid')).toEqual([]);
    expect(bootstrap.describe()).toBe('dns.json (published 2026-07-23T02:00:03Z), supplemental.json');
  });
});

describe('RdapBootstrap', () => {
  it('lists https before http and ends every base URL with a slash', () => {
    const table = parseRdapBootstrapFile(
      bootstrapFile([
        [['example'], ['http://rdap.example/v1', 'https://rdap.example/v1', 'https://rdap.example/v1/']],
      ]),
      FILE,
    );
    expect(RdapBootstrap.fromTables(table).baseUrlsFor('example')).toEqual([
      'https://rdap.example/v1/',
      'http://rdap.example/v1/',
    ]);
  });

  it('prefers an earlier table and the longest matching entry', () => {
    const first = parseRdapBootstrapFile(bootstrapFile([[['example'], ['https://first.example/']]]), 'a');
    const second = parseRdapBootstrapFile(
      bootstrapFile([
        [['example'], ['https://second.example/']],
        [['co.example'], ['https://co.example/']],
      ]),
      'b',
    );
    const bootstrap = RdapBootstrap.fromTables(first, second);
    expect(bootstrap.baseUrlsForDomain('shop.example')).toEqual(['https://first.example/']);
    expect(bootstrap.baseUrlsForDomain('shop.co.example')).toEqual(['https://co.example/']);
  });

  it.each([
    [[], 'dns.json: expected a JSON object at the top level'],
    [{ ...bootstrapFile([]), version: '2.0' }, 'dns.json: expected "version": "1.0", got "2.0"'],
    [{ version: '1.0', services: [] }, 'dns.json: "publication" is missing or not a string'],
    [bootstrapFile({}), 'dns.json: "services" is missing or not an array'],
    [bootstrapFile([[['com']]]), 'dns.json: services[0]: expected [labels[], urls[]]'],
    [
      bootstrapFile([[[], ['https://a.example/']]]),
      'dns.json: services[0][0]: expected a non-empty array of strings',
    ],
    [
      bootstrapFile([[['com', 7], ['https://a.example/']]]),
      'dns.json: services[0][0][1]: expected a non-empty string',
    ],
    [
      bootstrapFile([
        [['com'], ['https://a.example/']],
        [['net'], ['ftp://a.example/']],
      ]),
      'dns.json: services[1][1][0]: expected an http(s) URL, got "ftp://a.example/"',
    ],
  ])('names the file and the fault of a malformed bootstrap: %j', (json, problem) => {
    expect(problemOf(() => parseRdapBootstrapFile(json, FILE))).toBe(problem);
  });

  it('names the fault of a malformed supplemental file', () => {
    expect(problemOf(() => parseSupplementalRdapFile({ servers: [] }, 's.json'))).toBe(
      's.json: "ccTldRdapServers" is missing or not an array',
    );
    expect(problemOf(() => parseSupplementalRdapFile({ ccTldRdapServers: [{ tld: 'de' }] }, 's.json'))).toBe(
      's.json: ccTldRdapServers[0].rdapServer: expected an http(s) URL, got undefined',
    );
  });
});
