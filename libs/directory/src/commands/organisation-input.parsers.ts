import { domainToASCII } from 'node:url';
import { InvalidInputError } from '@app/core';
import { parse } from 'tldts';
import type { ContactRole } from '../domain/directory.vocabulary';
import type { ContactDetails, Coverage, OrganisationDetails } from '../domain/organisation.types';
import {
  checkCountryCode,
  checkEmail,
  checkLanguageCode,
  checkPgpFingerprint,
  checkPhoneE164,
  checkRegistrarId,
  checkTimeZone,
  checkWebUrl,
  type ValueCheck,
} from '../reference-data/contact-values';

/** Raw API input of the directory, before validation; null and absent mean "not given". */
type Maybe<T> = T | null | undefined;

export interface CoverageRequest {
  readonly countries?: Maybe<readonly string[]>;
  readonly tlds?: Maybe<readonly string[]>;
  readonly ianaId?: Maybe<number>;
  readonly suffixes?: Maybe<readonly string[]>;
}

export interface ContactRequest {
  readonly role?: Maybe<ContactRole>;
  readonly email?: Maybe<string>;
  readonly phone?: Maybe<string>;
  readonly webFormUrl?: Maybe<string>;
  readonly pgpFingerprint?: Maybe<string>;
  readonly languages?: Maybe<readonly string[]>;
  readonly timeZone?: Maybe<string>;
  readonly hours?: Maybe<string>;
}

const MAX_NAME_LENGTH = 200;
const MAX_ALIASES = 20;
const MAX_COVERAGE_ITEMS = 2000;
const MAX_HOURS_LENGTH = 200;

function valid<T>(field: string, input: unknown, check: ValueCheck<T>): T {
  if (!check.ok) throw new InvalidInputError(field, input, check.reason);
  return check.value;
}

function name(field: string, input: string): string {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') throw new InvalidInputError(field, input, 'must not be empty');
  if (text.length > MAX_NAME_LENGTH)
    throw new InvalidInputError(field, input, `must be at most ${MAX_NAME_LENGTH} characters`);
  return text;
}

function list<T>(
  field: string,
  items: readonly string[],
  max: number,
  each: (item: string, i: number) => T,
): T[] {
  if (items.length > max) throw new InvalidInputError(field, items.length, `must hold at most ${max} items`);
  return items.map(each);
}

export function parseDetails(input: {
  readonly name?: Maybe<string>;
  readonly aliases?: Maybe<readonly string[]>;
  readonly website?: Maybe<string>;
}): Partial<OrganisationDetails> {
  const details: { -readonly [K in keyof OrganisationDetails]?: OrganisationDetails[K] } = {};
  if (input.name !== null && input.name !== undefined) details.name = name('name', input.name);
  if (input.aliases !== null && input.aliases !== undefined) {
    details.aliases = [
      ...new Set(list('aliases', input.aliases, MAX_ALIASES, (a, i) => name(`aliases[${i}]`, a))),
    ];
  }
  if (input.website !== undefined) {
    details.website =
      input.website === null || input.website.trim() === ''
        ? null
        : valid('website', input.website, checkWebUrl(input.website));
  }
  return details;
}

export function parseCoverage(input: CoverageRequest): Coverage {
  return {
    countries: list('coverage.countries', input.countries ?? [], MAX_COVERAGE_ITEMS, (c, i) =>
      valid(`coverage.countries[${i}]`, c, checkCountryCode(c)),
    ),
    tlds: list('coverage.tlds', input.tlds ?? [], MAX_COVERAGE_ITEMS, (t, i) =>
      parseTld(`coverage.tlds[${i}]`, t),
    ),
    ianaId:
      input.ianaId === null || input.ianaId === undefined
        ? null
        : valid('coverage.ianaId', input.ianaId, checkRegistrarId(input.ianaId)),
    suffixes: list('coverage.suffixes', input.suffixes ?? [], MAX_COVERAGE_ITEMS, (s, i) =>
      parsePrivateSuffix(`coverage.suffixes[${i}]`, s),
    ),
  };
}

/** A TLD the Public Suffix List knows, in A-label form: `.FR`, `fr.` and `рф` are all accepted. */
export function parseTld(field: string, input: string): string {
  const label = domainToASCII(
    input
      .trim()
      .replace(/^\.|\.$/g, '')
      .toLowerCase(),
  );
  const facts = label === '' || label.includes('.') ? null : parse(`probe.${label}`);
  // tldts treats any unknown label as a suffix (the implicit `*` rule), so only ICANN's count.
  if (!facts || facts.publicSuffix !== label || facts.isIcann !== true || facts.isPrivate === true) {
    throw new InvalidInputError(field, input, 'is not a top-level domain in the Public Suffix List');
  }
  return label;
}

/** A suffix from the PSL's private section, e.g. `workers.dev`: the platform, not a registrar, acts there. */
export function parsePrivateSuffix(field: string, input: string): string {
  const suffix = domainToASCII(
    input
      .trim()
      .replace(/^\.|\.$/g, '')
      .toLowerCase(),
  );
  const facts = suffix === '' ? null : parse(`probe.${suffix}`, { allowPrivateDomains: true });
  if (!facts || facts.publicSuffix !== suffix || facts.isPrivate !== true) {
    throw new InvalidInputError(field, input, 'is not a private suffix in the Public Suffix List');
  }
  return suffix;
}

/** Validates the parts of a contact that were given; absent parts are left out of the result. */
export function parseContactDetails(input: ContactRequest): Partial<ContactDetails> {
  const details: { -readonly [K in keyof ContactDetails]?: ContactDetails[K] } = {};
  const optional = <T>(
    field: keyof ContactRequest,
    value: Maybe<string>,
    check: (v: string) => ValueCheck<T>,
  ) =>
    value === undefined
      ? undefined
      : value === null || value.trim() === ''
        ? null
        : valid(field, value, check(value));
  if (input.role !== null && input.role !== undefined) details.role = input.role;
  const email = optional('email', input.email, checkEmail);
  if (email !== undefined) details.email = email;
  const phone = optional('phone', input.phone, checkPhoneE164);
  if (phone !== undefined) details.phone = phone;
  const webFormUrl = optional('webFormUrl', input.webFormUrl, checkWebUrl);
  if (webFormUrl !== undefined) details.webFormUrl = webFormUrl;
  const pgp = optional('pgpFingerprint', input.pgpFingerprint, checkPgpFingerprint);
  if (pgp !== undefined) details.pgpFingerprint = pgp;
  const timeZone = optional('timeZone', input.timeZone, checkTimeZone);
  if (timeZone !== undefined) details.timeZone = timeZone;
  if (input.languages !== null && input.languages !== undefined) {
    details.languages = [
      ...new Set(
        list('languages', input.languages, 20, (l, i) => valid(`languages[${i}]`, l, checkLanguageCode(l))),
      ),
    ];
  }
  if (input.hours !== undefined) {
    const hours = input.hours?.trim() ?? '';
    if (hours.length > MAX_HOURS_LENGTH)
      throw new InvalidInputError('hours', input.hours, `must be at most ${MAX_HOURS_LENGTH} characters`);
    details.hours = hours === '' ? null : hours;
  }
  return details;
}

/** A new contact: every field present, missing ones null. */
export function parseNewContact(input: ContactRequest): ContactDetails {
  const details = parseContactDetails(input);
  if (!details.role) throw new InvalidInputError('role', input.role, 'is required');
  return {
    role: details.role,
    email: details.email ?? null,
    phone: details.phone ?? null,
    webFormUrl: details.webFormUrl ?? null,
    pgpFingerprint: details.pgpFingerprint ?? null,
    languages: details.languages ?? [],
    timeZone: details.timeZone ?? null,
    hours: details.hours ?? null,
  };
}
