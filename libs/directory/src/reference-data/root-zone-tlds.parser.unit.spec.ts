import { readFileSync } from 'node:fs';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import type { TldRecord } from './reference-records';
import { parseRootZoneTldsCsv, parseRootZoneTldsJson } from './root-zone-tlds.parser';

const containing = (text: string): string => expect.stringContaining(text) as string;

const HEADER =
  'tld,tld_unicode,type,iana_tag,delegated,country_code,iso3166_alpha2,country_name,sponsor,admin_org,tech_org,' +
  'icann_registry_operator,icann_registry_operator_cc,spec13_brand,registry_url,whois_server,rdap_server,' +
  'rdap_source,tld_created,tld_last_updated';

describeWithSharedData('parseRootZoneTlds on the IANA Root Zone Database table', () => {
  const read = (name: string) => readFileSync(sharedDataPath('tld-registry', name), 'utf8');
  const csv = parseRootZoneTldsCsv(read('iana-root-zone-tlds.csv'), 'iana-root-zone-tlds.csv');
  const json = parseRootZoneTldsJson(read('iana-root-zone-tlds.json'), 'iana-root-zone-tlds.json');
  const byTld = new Map(csv.records.map((record) => [record.tld, record]));
  const tld = (name: string): TldRecord => byTld.get(name)!;

  it('reads every TLD, delegated or not, without rejections', () => {
    expect(csv.rejections).toEqual([]);
    expect(csv.records).toHaveLength(1595);
    expect(csv.records.filter((record) => record.delegated)).toHaveLength(1438);
    expect(csv.records.filter((record) => record.type === 'COUNTRY_CODE')).toHaveLength(316);
  });

  it('maps com to VeriSign, generic, without a country', () => {
    expect(tld('com')).toEqual({
      source: { file: 'iana-root-zone-tlds.csv', line: 289 },
      tld: 'com',
      type: 'GENERIC',
      delegated: true,
      country: null,
      registryOperator: 'VeriSign, Inc.',
      registryUrl: 'http://www.verisigninc.com/',
      whoisServer: 'whois.verisign-grs.com',
      rdapBaseUrls: ['https://rdap.verisign.com/com/v1/'],
      lastUpdated: '2026-03-10',
    });
  });

  it('gives ccTLDs their country, IDN ccTLDs included', () => {
    expect(tld('fr')).toMatchObject({
      type: 'COUNTRY_CODE',
      country: 'FR',
      rdapBaseUrls: ['https://rdap.nic.fr/'],
    });
    expect(tld('fr').registryOperator).toContain('A.F.N.I.C.');
    expect(tld('uk')).toMatchObject({ country: 'GB', registryOperator: 'Nominet UK' });
    expect(tld('xn--p1ai')).toMatchObject({ type: 'COUNTRY_CODE', country: 'RU', rdapBaseUrls: [] });
  });

  it('leaves ccTLDs of reserved ISO codes without a country rather than a false one', () => {
    expect(['eu', 'ac', 'su'].map((name) => [name, tld(name).type, tld(name).country])).toEqual([
      ['eu', 'COUNTRY_CODE', null],
      ['ac', 'COUNTRY_CODE', null],
      ['su', 'COUNTRY_CODE', null],
    ]);
  });

  it('maps every IANA tag and keeps retired TLDs without an operator', () => {
    expect(tld('arpa')).toMatchObject({
      type: 'INFRASTRUCTURE',
      registryOperator: 'Internet Architecture Board (IAB)',
    });
    expect(tld('aero').type).toBe('SPONSORED');
    expect(tld('biz').type).toBe('GENERIC_RESTRICTED');
    expect(tld('xn--zckzah').type).toBe('TEST');
    expect(tld('abarth')).toMatchObject({ delegated: false, registryOperator: null, whoisServer: null });
  });

  it('reads the JSON edition to the same records', () => {
    expect(json.rejections).toEqual([]);
    const withoutSource = (records: readonly TldRecord[]) =>
      records.map(({ source: _source, ...rest }) => rest);
    expect(withoutSource(json.records)).toEqual(withoutSource(csv.records));
    expect(json.records.find((record) => record.tld === 'com')?.source).toEqual({
      file: 'iana-root-zone-tlds.json',
      line: 284,
    });
  });
});

describe('parseRootZoneTldsCsv on bad rows', () => {
  const row = (tld: string, tag = 'generic', delegated = 'true', operator = 'Example Registry') =>
    `${tld},,gtld,${tag},${delegated},,,,,,,${operator},,,https://nic.example,whois.nic.example,,,,2024-01-01`;

  it('rejects a bad TLD, tag, flag or missing operator with the line of the row', () => {
    const text = [HEADER, row('good'), row('ex ample'), row('-com'), row('c0m'), row('tag', 'odd')].join(
      '\n',
    );
    const more = [row('flag', 'generic', 'yes'), row('noop', 'generic', 'true', ''), row('Good')].join('\n');
    const result = parseRootZoneTldsCsv(`${text}\n${more}\n`, 'tlds.csv');
    expect(result.records.map((record) => record.tld)).toEqual(['good']);
    expect(result.rejections).toEqual([
      {
        file: 'tlds.csv',
        line: 3,
        reason: containing('tld "ex ample" is not a top-level label'),
      },
      { file: 'tlds.csv', line: 4, reason: containing('tld "-com"') },
      { file: 'tlds.csv', line: 5, reason: containing('tld "c0m"') },
      { file: 'tlds.csv', line: 6, reason: 'iana_tag "odd" is not an IANA root zone type' },
      { file: 'tlds.csv', line: 7, reason: 'delegated "yes" must be true or false' },
      { file: 'tlds.csv', line: 8, reason: containing('needs a registry operator') },
      { file: 'tlds.csv', line: 9, reason: 'duplicate of TLD good at line 2' },
    ]);
  });

  it('accepts U-labels and a leading dot, storing the A-label', () => {
    const result = parseRootZoneTldsCsv(`${HEADER}\n${row('.рф')}\n`, 'tlds.csv');
    expect(result.records[0]?.tld).toBe('xn--p1ai');
  });
});
