import { readFileSync } from 'node:fs';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import { parseCertopediaCerts } from './certopedia-certs.parser';
import { meantLanguage, parseCsirtMentions } from './csirt-mentions.parser';
import { mergeNationalCsirts } from './national-csirts';
import { ReferenceDataFormatError } from './reference-data.errors';
import type { CsirtRecord } from './reference-records';

const CERTS = 'csirts/certopedia-certs.json';
const MENTIONS = 'csirts/eu-csirts-network-members-from-cnw-advisories.csv';

describeWithSharedData('CSIRT lists: CERTopedia and the CSIRTs Network mentions', () => {
  const certs = parseCertopediaCerts(readFileSync(sharedDataPath(CERTS), 'utf8'), CERTS);
  const mentions = parseCsirtMentions(readFileSync(sharedDataPath(MENTIONS), 'utf8'), MENTIONS);
  const merged = mergeNationalCsirts(certs, mentions);
  const csirt = (country: string): CsirtRecord =>
    merged.records.find((record) => record.country === country)!;

  it('reads the 11 CERTs with country names mapped to ISO codes', () => {
    expect(certs.rejections).toEqual([]);
    expect(certs.records.map((record) => record.country)).toEqual([
      'AU',
      'BR',
      'CA',
      'FR',
      'DE',
      'JP',
      'NL',
      'SG',
      'KR',
      'GB',
      'US',
    ]);
  });

  it('keeps a phone only when it is an E.164 number, and the PGP fingerprint as upper-case hex', () => {
    const phones = Object.fromEntries(certs.records.map((record) => [record.country, record.phone]));
    expect(phones).toMatchObject({ AU: '+61733654417', DE: '+49228999582222', JP: '+81362718901' });
    // "N/A (Email only)", "1-833-CYBER-88", an email address, national formats without "+".
    expect([phones.BR, phones.CA, phones.NL, phones.SG, phones.GB, phones.US]).toEqual(Array(6).fill(null));
    expect(csirt('FR').pgpFingerprint).toBe('7F4C8FA6A356D1CC2E5CAB09541633B81B45CF2A');
    expect(csirt('BR').pgpFingerprint).toBeNull();
  });

  it('rejects the rows of EU bodies, which are not ISO 3166-1 countries', () => {
    expect(mentions.records).toHaveLength(52);
    expect(mentions.rejections.map((rejection) => [rejection.line, rejection.reason])).toEqual([
      [21, 'country_code "EU" is reserved in ISO 3166-1, not assigned to a country'],
      [22, 'country_code "EU" is reserved in ISO 3166-1, not assigned to a country'],
      [23, 'country_code "EU" is reserved in ISO 3166-1, not assigned to a country'],
      [24, 'country_code "EU" is reserved in ISO 3166-1, not assigned to a country'],
      [25, 'country_code "EUI" must be two letters (ISO 3166-1 alpha-2)'],
      [26, 'country_code "EUI" must be two letters (ISO 3166-1 alpha-2)'],
    ]);
  });

  it("merges one record per country, sorted, carrying both files' rejections", () => {
    expect(merged.records).toHaveLength(35);
    const countries = merged.records.map((record) => record.country);
    expect(countries).toEqual([...countries].sort());
    expect(merged.rejections).toHaveLength(6);
  });

  it("names DE after CERTopedia, with the network's variants as aliases", () => {
    expect(csirt('DE')).toEqual({
      source: { file: CERTS, line: 5 },
      country: 'DE',
      name: 'BSI-CERT',
      aliases: ['CERT-Bund', 'BSI', 'Computer Emergency Response Team for German Federal Administration'],
      email: 'certbund@bsi.bund.de',
      phone: '+49228999582222',
      website: 'https://www.bsi.bund.de/',
      pgpFingerprint: null,
      languages: ['de'],
      asOf: '2024-01-15',
    });
  });

  it('names a network-only country after its most mentioned variant, site from its example URL', () => {
    expect(csirt('AT')).toMatchObject({
      source: { file: MENTIONS, line: 2 },
      name: 'CERT.at',
      aliases: ['CERT-AT'],
      website: 'https://cert.at/',
      email: null,
      languages: ['de'],
    });
    expect(csirt('CZ')).toMatchObject({ name: 'GovCERT.CZ', aliases: ['CSIRT.CZ', 'CERT.cz', 'NÚKIB'] });
    expect(csirt('LV').languages).toEqual(['en', 'lv']);
  });

  it('drops a variant equal to the name but for case, and reads country codes in the language column', () => {
    expect(csirt('NL')).toMatchObject({
      name: 'NCSC-NL',
      aliases: ['CSIRT-DSP', 'National Cyber Security Centre Netherlands'],
    });
    expect(csirt('EE').languages).toEqual(['et']);
    expect(csirt('SE').languages).toEqual(['sv']);
    expect(csirt('FI').languages).toEqual(['fi']);
  });
});

describe('CSIRT parsers on bad input', () => {
  const cert = (fields: Record<string, unknown>) => ({ country: 'Germany', name: 'CERT', ...fields });

  it('rejects unknown countries, bad emails, fingerprints and non-objects with the array index', () => {
    const text = JSON.stringify([
      cert({ country: 'Narnia' }),
      cert({ email: 'not an email' }),
      cert({ pgpKey: { fingerprint: 'ABCD' } }),
      'CERT-XX',
      cert({ country: 'France', name: 42 }),
      cert({ emergencyContact: 'call us' }),
      cert({ country: 'Deutschland' }),
    ]);
    const result = parseCertopediaCerts(text, 'certs.json');
    expect(result.records.map((record) => [record.country, record.phone, record.source.line])).toEqual([
      ['DE', null, 6],
    ]);
    expect(result.rejections.map((rejection) => [rejection.line, rejection.reason])).toEqual([
      [1, 'country "Narnia" is not a country name we know'],
      [2, expect.stringContaining('email "not an email"')],
      [3, 'fingerprint "ABCD" must have 40 or 64 hex digits'],
      [4, 'is not a JSON object'],
      [5, 'name must be text'],
      [7, 'country "Deutschland" is not a country name we know'],
    ]);
  });

  it('throws for JSON of the wrong shape, naming the file', () => {
    expect(() => parseCertopediaCerts('{"certs": []}', 'certs.json')).toThrow(ReferenceDataFormatError);
    expect(() => parseCertopediaCerts('[{"team": "x"}]', 'certs.json')).toThrow(/certs\.json at line 1/);
    expect(() => parseCertopediaCerts('[\n{"country": "France",\n"name": }\n]', 'certs.json')).toThrow(
      /certs\.json at line 3: invalid JSON/,
    );
  });

  it('rejects mention rows with a bad language or count', () => {
    const text = [
      'country_code,organisation,language,example_url,seen_in,n_mentions',
      'AT,CERT.at,DE,https://cert.at/de/,README.md,43',
      'AT,CERT.at,DE,https://cert.at/de/,README.md,2',
      'BE,CERT.be,French,https://cert.be/,README.md,5',
      'BE,CCB,EN,https://ccb.belgium.be/,README.md,many',
      'DE,,DE,,README.md,1',
    ].join('\n');
    expect(parseCsirtMentions(text, 'cnw.csv').rejections.map((rejection) => rejection.line)).toEqual([
      3, 4, 5, 6,
    ]);
  });

  it("reads a language equal to the country code as the country's likely language only when it must", () => {
    expect(meantLanguage('ee', 'EE')).toBe('et');
    expect(meantLanguage('fr', 'FR')).toBe('fr');
    expect(meantLanguage('de', 'AT')).toBe('de');
  });
});
