import {
  accept,
  checkEmail,
  checkPgpFingerprint,
  checkPhoneE164,
  checkWebUrl,
  refuse,
} from './contact-values';
import type { ValueCheck } from './contact-values';
import { countryCodeForName } from './iso-codes';
import { ReferenceDataFormatError } from './reference-data.errors';
import { isJsonObject, readJsonArray } from './reference-json';
import type { CsirtRecord, ParseResult } from './reference-records';
import { checkIsoDate, collectRecords, optionalCell } from './reference-rows';

type JsonObject = Readonly<Record<string, unknown>>;

interface CertEntry {
  readonly line: number;
  readonly entry: unknown;
}

/**
 * A CERTopedia-style JSON list of national CERTs: `country` is an English country name,
 * `emergencyContact` a phone number or free text, `pgpKey.fingerprint` hex with spaces. One
 * record per entry, without languages; aliases hold the `fullName`.
 */
export function parseCertopediaCerts(text: string, file: string): ParseResult<CsirtRecord> {
  const elements = readJsonArray(text, file);
  const first = elements[0];
  if (isJsonObject(first) && !('country' in first && 'name' in first)) {
    throw new ReferenceDataFormatError(file, 1, 'the first record lacks country or name');
  }
  const rows: CertEntry[] = elements.map((entry, index) => ({ line: index + 1, entry }));
  const { records, rejections } = collectRecords(
    file,
    { rows, rejections: [] },
    ({ line, entry }) =>
      isJsonObject(entry) ? certRecord(file, line, entry) : refuse('is not a JSON object'),
    (record) => `country ${record.country}`,
  );
  return { records, rejections };
}

function certRecord(file: string, line: number, entry: JsonObject): ValueCheck<CsirtRecord> {
  const countryName = requiredText(entry, 'country');
  if (!countryName.ok) return countryName;
  const country = countryCodeForName(countryName.value);
  if (country === undefined) return refuse(`country "${countryName.value}" is not a country name we know`);
  const name = requiredText(entry, 'name');
  if (!name.ok) return name;
  const fields = optionalFields(entry);
  if (!fields.ok) return fields;
  const fullName = text(entry, 'fullName');
  const aliases =
    fullName.ok && fullName.value !== null && fullName.value !== name.value ? [fullName.value] : [];
  return accept({
    source: { file, line },
    country,
    name: name.value,
    aliases,
    languages: [],
    ...fields.value,
  });
}

type CertContactFields = Pick<CsirtRecord, 'email' | 'phone' | 'website' | 'pgpFingerprint' | 'asOf'>;

function optionalFields(entry: JsonObject): ValueCheck<CertContactFields> {
  const email = checked(entry, 'email', checkEmail);
  if (!email.ok) return email;
  const website = checked(entry, 'website', checkWebUrl);
  if (!website.ok) return website;
  const asOf = checked(entry, 'lastUpdated', checkIsoDate);
  if (!asOf.ok) return asOf;
  const pgpKey = entry.pgpKey;
  const pgpFingerprint = isJsonObject(pgpKey)
    ? checked(pgpKey, 'fingerprint', checkPgpFingerprint)
    : accept(null);
  if (!pgpFingerprint.ok) return pgpFingerprint;
  // Often free text ("N/A (Email only)", an address, a vanity number): only a real E.164 number is kept.
  const contact = text(entry, 'emergencyContact');
  const phone = contact.ok && contact.value !== null ? checkPhoneE164(contact.value) : null;
  return accept({
    email: email.value,
    phone: phone?.ok === true ? phone.value : null,
    website: website.value,
    pgpFingerprint: pgpFingerprint.value,
    asOf: asOf.value,
  });
}

function text(entry: JsonObject, key: string): ValueCheck<string | null> {
  const value = entry[key];
  if (value === undefined || value === null) return accept(null);
  if (typeof value !== 'string') return refuse(`${key} must be text`);
  return accept(value.trim() === '' ? null : value.trim());
}

function requiredText(entry: JsonObject, key: string): ValueCheck<string> {
  const value = text(entry, key);
  if (!value.ok) return value;
  return value.value === null ? refuse(`${key} must not be empty`) : accept(value.value);
}

function checked(
  entry: JsonObject,
  key: string,
  check: (value: string) => ValueCheck<string>,
): ValueCheck<string | null> {
  const value = text(entry, key);
  if (!value.ok) return value;
  return optionalCell(key, value.value ?? '', check);
}
