import { isJsonObject, textOf, type JsonObject } from './rdap-json';

/** One property of a jCard (RFC 7095): `[name, parameters, valueType, value, ...]`. */
export interface VcardProperty {
  readonly name: string;
  readonly parameters: JsonObject;
  readonly values: readonly unknown[];
}

/** The properties of an RDAP `vcardArray` (`["vcard", [...properties]]`); anything malformed gives none. */
export function vcardProperties(vcardArray: unknown): readonly VcardProperty[] {
  if (!Array.isArray(vcardArray) || vcardArray[0] !== 'vcard' || !Array.isArray(vcardArray[1])) return [];
  const properties: VcardProperty[] = [];
  for (const property of vcardArray[1] as unknown[]) {
    if (!Array.isArray(property) || typeof property[0] !== 'string') continue;
    const parameters: unknown = property[1];
    properties.push({
      name: property[0].toLowerCase(),
      parameters: isJsonObject(parameters) ? parameters : {},
      values: property.slice(3),
    });
  }
  return byPreference(properties);
}

/** The first non-empty text value of a property, e.g. `fn` or `org`. */
export function vcardText(properties: readonly VcardProperty[], name: string): string | null {
  for (const property of properties) {
    if (property.name !== name) continue;
    const text = textOf(property.values[0]);
    if (text !== null) return text;
  }
  return null;
}

/** The preferred e-mail address; some servers write it as a `mailto:` URI. */
export function vcardEmail(properties: readonly VcardProperty[]): string | null {
  const email = vcardText(properties, 'email');
  return email === null ? null : email.replace(/^mailto:/i, '');
}

/**
 * The preferred voice number, without the `tel:` of a URI value; fax numbers are skipped. EPP and
 * RDAP write numbers internationally (`+CC.NNN`), so those come first. When a server splits one
 * number over several `tel` properties (flexireg writes `tel:+7`, `tel:495`, `tel:5801111`), the
 * pieces are joined if together they make an international number. A number with too few digits
 * to dial is dropped rather than routed to.
 */
export function vcardPhone(properties: readonly VcardProperty[]): string | null {
  const numbers = properties
    .filter((property) => property.name === 'tel' && !typesOf(property).includes('fax'))
    .map((property) => textOf(property.values[0])?.replace(/^tel:/i, '').trim() ?? '')
    .filter((number) => number !== '');
  const international = numbers.find((number) => number.startsWith('+') && isDialable(number));
  if (international !== undefined) return international;
  const joined = numbers.join('');
  if (numbers.length > 1 && joined.startsWith('+') && isDialable(joined)) return joined;
  return numbers.find(isDialable) ?? null;
}

/** E.164 numbers have at most 15 digits; fewer than 7 cannot reach anyone outside a local exchange. */
function isDialable(number: string): boolean {
  const digits = (number.split(';')[0] ?? '').replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

/** `type` may be a string, a comma-separated string or an array of strings (RFC 7095 §3.3.1.1). */
function typesOf(property: VcardProperty): readonly string[] {
  const type = property.parameters.type;
  const values = Array.isArray(type) ? type : [type];
  return values
    .filter((value): value is string => typeof value === 'string')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim().toLowerCase());
}

/** Stable sort by the `pref` parameter (1 = most preferred); properties without one come after. */
function byPreference(properties: readonly VcardProperty[]): readonly VcardProperty[] {
  const rank = (property: VcardProperty): number => {
    const pref = Number(property.parameters.pref);
    return Number.isInteger(pref) && pref >= 1 ? pref : 101;
  };
  return properties
    .map((property, index) => ({ property, index }))
    .sort((a, b) => rank(a.property) - rank(b.property) || a.index - b.index)
    .map(({ property }) => property);
}
