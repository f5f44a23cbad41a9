/**
 * ISO 3166-1 alpha-2 and ISO 639-1 codes, derived from the ICU data Node ships (Intl.DisplayNames)
 * so that no third-party list is copied into the product. ICU names more than ISO assigns, hence
 * the exclusions below; a unit test pins the resulting counts so an ICU upgrade that changes them
 * is noticed.
 */

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TWO_LETTER_CODES = Array.from(LETTERS).flatMap((first) =>
  Array.from(LETTERS).map((second) => first + second),
);

/**
 * Codes ICU gives a name to that ISO 3166-1 does not assign to a country: exceptionally reserved
 * (AC, EU, UK...), transitionally reserved (AN, SU, TP, YU...), formerly used (DD, RH...) and
 * CLDR groupings (EZ, UN).
 */
const NAMED_BUT_UNASSIGNED = new Set(
  'AC AN BU CP CQ CS DD DG DY EA EU EZ FX HV IC NH RH SU TA TP UK UN VD YD YU ZR'.split(' '),
);

/** ISO 639-1 codes that were withdrawn or replaced (in -> id, iw -> he, ji -> yi, mo -> ro...). */
const WITHDRAWN_LANGUAGE_CODES = new Set(['in', 'iw', 'ji', 'jw', 'mo', 'sh']);

/** AA, QM-QZ, XA-XZ and ZZ are left to users (XK for Kosovo is one of them). */
export function isUserAssignedCountryCode(code: string): boolean {
  return code === 'AA' || code === 'ZZ' || /^Q[M-Z]$/.test(code) || /^X[A-Z]$/.test(code);
}

export function isReservedCountryCode(code: string): boolean {
  return NAMED_BUT_UNASSIGNED.has(code);
}

const regionNames = new Intl.DisplayNames('en', { type: 'region', fallback: 'code' });
const shortRegionNames = new Intl.DisplayNames('en', { type: 'region', style: 'short', fallback: 'code' });

/** The 249 officially assigned ISO 3166-1 alpha-2 codes, upper case. */
export const ASSIGNED_COUNTRY_CODES: ReadonlySet<string> = new Set(
  TWO_LETTER_CODES.filter(
    (code) =>
      regionNames.of(code) !== code && !isUserAssignedCountryCode(code) && !isReservedCountryCode(code),
  ),
);

const languageNames = new Intl.DisplayNames('en', { type: 'language', fallback: 'code' });

/** ISO 639-1 codes in use, lower case. */
export const ISO_639_1_CODES: ReadonlySet<string> = new Set(
  TWO_LETTER_CODES.map((code) => code.toLowerCase()).filter(
    (code) => languageNames.of(code) !== code && !WITHDRAWN_LANGUAGE_CODES.has(code),
  ),
);

/** English name of an assigned country code, e.g. `DE` -> `Germany`. */
export function countryName(code: string): string | undefined {
  return ASSIGNED_COUNTRY_CODES.has(code) ? regionNames.of(code) : undefined;
}

/** Names sources use that ICU spells differently (normalised as by {@link normaliseCountryName}). */
const COUNTRY_NAME_ALIASES: Readonly<Record<string, string>> = {
  'united states of america': 'US',
  usa: 'US',
  uk: 'GB',
  'great britain': 'GB',
  'republic of korea': 'KR',
  'korea republic of': 'KR',
  'russian federation': 'RU',
  'czech republic': 'CZ',
  turkey: 'TR',
  'ivory coast': 'CI',
  macedonia: 'MK',
  swaziland: 'SZ',
  'cabo verde': 'CV',
  vatican: 'VA',
  'holy see': 'VA',
  macau: 'MO',
  burma: 'MM',
  'viet nam': 'VN',
  'brunei darussalam': 'BN',
  'syrian arab republic': 'SY',
  'democratic republic of the congo': 'CD',
  'republic of the congo': 'CG',
};

/** Lower case, no diacritics or punctuation, `&` as `and`, `St.` as `saint`, no leading `the`. */
export function normaliseCountryName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '')
    .replace(/\bst\b/g, 'saint');
}

const CODES_BY_NAME: ReadonlyMap<string, string> = new Map([
  ...Array.from(ASSIGNED_COUNTRY_CODES).flatMap((code) => [
    [normaliseCountryName(regionNames.of(code) ?? code), code] as const,
    [normaliseCountryName(shortRegionNames.of(code) ?? code), code] as const,
  ]),
  ...Object.entries(COUNTRY_NAME_ALIASES),
]);

/** ISO 3166-1 alpha-2 code of an English country name (`Germany`, `South Korea`, `UK`), if known. */
export function countryCodeForName(name: string): string | undefined {
  return CODES_BY_NAME.get(normaliseCountryName(name));
}
