import { accept, checkCountryCode, checkLanguageCode, checkWebUrl, refuse } from './contact-values';
import type { ValueCheck } from './contact-values';
import { readCsvTable } from './reference-csv';
import type { ParseResult, SourceLocation } from './reference-records';
import type { SourceRow } from './reference-rows';
import { cell, collectRecords, optionalCell, requiredText } from './reference-rows';

/** One name under which a country's CSIRT appears in a source, and how often. */
export interface CsirtMention {
  readonly source: SourceLocation;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  readonly name: string;
  /** ISO 639-1, lower case, of the page the mention links to; null when not given. */
  readonly language: string | null;
  /** Root of the example URL's site (`https://cert.at/`), a hint for the team's website. */
  readonly websiteHint: string | null;
  readonly mentions: number;
}

/**
 * The EU CSIRTs Network members as named in CNW advisories: `country_code`, `organisation`,
 * `language`, `example_url`, `n_mentions`; several name variants per country. Rows for EU
 * bodies (`EU`, `EUI`) are rejected: they are not national teams of an ISO 3166-1 country.
 */
const MENTION_COLUMNS = ['country_code', 'organisation', 'language', 'example_url', 'n_mentions'] as const;
type MentionColumn = (typeof MENTION_COLUMNS)[number];

export function parseCsirtMentions(text: string, file: string): ParseResult<CsirtMention> {
  const { records, rejections } = collectRecords(
    file,
    readCsvTable(text, file, MENTION_COLUMNS),
    (row) => csirtMention(file, row),
    (mention) => `${mention.country} ${mention.name}`,
  );
  return { records, rejections };
}

function csirtMention(file: string, { line, cells }: SourceRow<MentionColumn>): ValueCheck<CsirtMention> {
  const country = cell('country_code', cells.country_code, checkCountryCode);
  if (!country.ok) return country;
  const name = requiredText('organisation', cells.organisation);
  if (!name.ok) return name;
  const language = optionalCell('language', cells.language, checkLanguageCode);
  if (!language.ok) return language;
  const exampleUrl = optionalCell('example_url', cells.example_url, checkWebUrl);
  if (!exampleUrl.ok) return exampleUrl;
  const mentions = cell('n_mentions', cells.n_mentions, checkCount);
  if (!mentions.ok) return mentions;
  return accept({
    source: { file, line },
    country: country.value,
    name: name.value,
    language: language.value === null ? null : meantLanguage(language.value, country.value),
    websiteHint: exampleUrl.value === null ? null : new URL('/', exampleUrl.value).href,
    mentions: mentions.value,
  });
}

/**
 * The table sometimes holds the country code in the language column: `EE` for Estonia and `SE`
 * for Sweden are valid ISO 639-1 codes, but of Ewe and Northern Sami. A code equal to the
 * country code is read as the country's likely language (CLDR likely subtags via Intl.Locale),
 * which leaves `FR` for France as `fr` and turns `EE` for Estonia into `et`.
 */
export function meantLanguage(language: string, country: string): string {
  if (language !== country.toLowerCase()) return language;
  return new Intl.Locale(`und-${country}`).maximize().language;
}

function checkCount(value: string): ValueCheck<number> {
  return /^\d{1,9}$/.test(value) ? accept(Number(value)) : refuse('must be a whole number');
}
