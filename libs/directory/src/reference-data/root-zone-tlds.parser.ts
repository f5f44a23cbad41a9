import type { TldType } from '../domain/directory.vocabulary';
import { accept, checkCountryCode, checkHostName, checkWebUrl, refuse } from './contact-values';
import type { ValueCheck } from './contact-values';
import { readCsvTable } from './reference-csv';
import { readJsonTable } from './reference-json';
import type { ParseResult, TldRecord } from './reference-records';
import type { ReferenceTable, SourceRow } from './reference-rows';
import { cell, checkFlag, checkIsoDate, checkTldLabel, collectRecords, optionalCell } from './reference-rows';

/**
 * The IANA Root Zone Database as a table of TLDs (one row per TLD, delegated or not), in CSV or
 * in JSON with the same field names.
 */
const ROOT_ZONE_COLUMNS = [
  'tld',
  'iana_tag',
  'delegated',
  'iso3166_alpha2',
  'sponsor',
  'icann_registry_operator',
  'registry_url',
  'whois_server',
  'rdap_server',
  'tld_last_updated',
] as const;
type RootZoneColumn = (typeof ROOT_ZONE_COLUMNS)[number];

const TLD_TYPES_BY_IANA_TAG: Readonly<Record<string, TldType>> = {
  generic: 'GENERIC',
  'country-code': 'COUNTRY_CODE',
  'generic-restricted': 'GENERIC_RESTRICTED',
  sponsored: 'SPONSORED',
  infrastructure: 'INFRASTRUCTURE',
  test: 'TEST',
};

export function parseRootZoneTldsCsv(text: string, file: string): ParseResult<TldRecord> {
  return toTldRecords(file, readCsvTable(text, file, ROOT_ZONE_COLUMNS));
}

export function parseRootZoneTldsJson(text: string, file: string): ParseResult<TldRecord> {
  return toTldRecords(file, readJsonTable(text, file, ROOT_ZONE_COLUMNS));
}

function toTldRecords(file: string, table: ReferenceTable<RootZoneColumn>): ParseResult<TldRecord> {
  const { records, rejections } = collectRecords(
    file,
    table,
    (row) => tldRecord(file, row),
    (record) => `TLD ${record.tld}`,
  );
  return { records, rejections };
}

function tldRecord(file: string, { line, cells }: SourceRow<RootZoneColumn>): ValueCheck<TldRecord> {
  const tld = cell('tld', cells.tld, checkTldLabel);
  if (!tld.ok) return tld;
  const type = cell('iana_tag', cells.iana_tag, checkTldType);
  if (!type.ok) return type;
  const delegated = cell('delegated', cells.delegated, checkFlag);
  if (!delegated.ok) return delegated;
  const country = type.value === 'COUNTRY_CODE' ? countryOfCcTld(cells.iso3166_alpha2) : accept(null);
  if (!country.ok) return country;
  const registryOperator = nonEmpty(cells.icann_registry_operator) ?? nonEmpty(cells.sponsor);
  if (registryOperator === null && delegated.value) {
    return refuse('a delegated TLD needs a registry operator (icann_registry_operator or sponsor)');
  }
  const registryUrl = optionalCell('registry_url', cells.registry_url, checkWebUrl);
  if (!registryUrl.ok) return registryUrl;
  const whoisServer = optionalCell('whois_server', cells.whois_server, checkHostName);
  if (!whoisServer.ok) return whoisServer;
  const rdapBaseUrls = urlList('rdap_server', cells.rdap_server);
  if (!rdapBaseUrls.ok) return rdapBaseUrls;
  const lastUpdated = optionalCell('tld_last_updated', cells.tld_last_updated, checkIsoDate);
  if (!lastUpdated.ok) return lastUpdated;
  return accept({
    source: { file, line },
    tld: tld.value,
    type: type.value,
    delegated: delegated.value,
    country: country.value,
    registryOperator,
    registryUrl: registryUrl.value,
    whoisServer: whoisServer.value,
    rdapBaseUrls: rdapBaseUrls.value,
    lastUpdated: lastUpdated.value,
  });
}

function checkTldType(tag: string): ValueCheck<TldType> {
  const type = TLD_TYPES_BY_IANA_TAG[tag.toLowerCase()];
  return type === undefined ? refuse(`is not an IANA root zone type`) : accept(type);
}

/**
 * Some ccTLDs stand for codes ISO reserves but does not assign (`.eu`, `.ac`, `.su`): they keep
 * no country rather than a false one. Anything that is not a two-letter code is an error.
 */
function countryOfCcTld(code: string): ValueCheck<string | null> {
  if (code === '') return accept(null);
  const country = checkCountryCode(code);
  if (country.ok) return country;
  return /^[A-Za-z]{2}$/.test(code) ? accept(null) : refuse(`iso3166_alpha2 "${code}" ${country.reason}`);
}

/** RDAP base URLs, separated by spaces, commas or semicolons when there are several. */
function urlList(column: string, value: string): ValueCheck<readonly string[]> {
  const urls: string[] = [];
  for (const part of value.split(/[\s,;]+/).filter((item) => item !== '')) {
    const url = cell(column, part, checkWebUrl);
    if (!url.ok) return url;
    if (!urls.includes(url.value)) urls.push(url.value);
  }
  return accept(urls);
}

function nonEmpty(value: string): string | null {
  return value === '' ? null : value;
}
