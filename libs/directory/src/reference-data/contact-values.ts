import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import {
  ASSIGNED_COUNTRY_CODES,
  ISO_639_1_CODES,
  isReservedCountryCode,
  isUserAssignedCountryCode,
} from './iso-codes';

/**
 * Checks of the contact values the directory stores, shared by the reference-data import and the
 * GraphQL inputs. Each trims its input and returns the normalised value or a reason that reads
 * after the field name ("must ...", "is ..."); none throws.
 */
export type ValueCheck<T> = { readonly ok: true; readonly value: T } | ValueRefusal;
export interface ValueRefusal {
  readonly ok: false;
  readonly reason: string;
}

export const MAX_EMAIL_LENGTH = 254;
export const MAX_WEB_URL_LENGTH = 2048;
export const MIN_E164_DIGITS = 8;
export const MAX_E164_DIGITS = 15;
/** GraphQL `Int` is 32-bit; IANA registrar ids are far below. */
const MAX_REGISTRAR_ID = 2_147_483_647;
/** Longer input is refused before any pattern runs on it. */
const MAX_SHORT_VALUE_LENGTH = 64;

export const accept = <T>(value: T): ValueCheck<T> => ({ ok: true, value });
export const refuse = (reason: string): ValueRefusal => ({ ok: false, reason });

const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * A host name of at least two labels under an alphabetic (or A-label) TLD; U-labels, upper case
 * and one trailing dot are accepted. Returns the lower-case A-label form.
 */
export function checkHostName(input: string): ValueCheck<string> {
  const trimmed = input.trim().replace(/\.$/, '');
  if (trimmed === '') return refuse('must not be empty');
  // domainToASCII is WHATWG host parsing: it would percent-decode or cut at "/" silently.
  const badChar = Array.from(trimmed).find(
    (char) => char.charCodeAt(0) < 0x80 && !/[A-Za-z0-9.-]/.test(char),
  );
  if (badChar !== undefined) return refuse(`must not contain "${badChar}"`);
  const host = domainToASCII(trimmed);
  if (host === '') return refuse('is not a valid host name');
  if (host.length > 253) return refuse('must be at most 253 characters');
  const labels = host.split('.');
  if (labels.length < 2) return refuse('must have at least two labels (name.tld)');
  const bad = labels.find((label) => !LDH_LABEL.test(label));
  if (bad !== undefined) return refuse(`has an invalid label "${bad}"`);
  if (!TOP_LABEL.test(labels[labels.length - 1] ?? '')) return refuse('must end in an alphabetic TLD');
  return accept(host);
}

/** Pragmatic RFC 5322 subset: dot-atom local part, host-name domain (lower-cased), at most 254. */
export function checkEmail(input: string): ValueCheck<string> {
  const trimmed = input.trim();
  if (trimmed === '') return refuse('must not be empty');
  if (trimmed.length > MAX_EMAIL_LENGTH) return refuse(`must be at most ${MAX_EMAIL_LENGTH} characters`);
  const parts = trimmed.split('@');
  if (parts.length !== 2) return refuse('must contain exactly one "@"');
  const [local = '', domain = ''] = parts;
  if (local === '' || local.length > 64) return refuse('must have a local part of 1 to 64 characters');
  if (!DOT_ATOM.test(local)) return refuse(`has an invalid local part "${local}"`);
  const host = checkHostName(domain);
  if (!host.ok) return refuse(`domain "${domain}" ${host.reason}`);
  const email = `${local}@${host.value}`;
  return email.length > MAX_EMAIL_LENGTH
    ? refuse(`must be at most ${MAX_EMAIL_LENGTH} characters`)
    : accept(email);
}

/** E.164: `+`, then 8 to 15 digits once spaces, dots, dashes and parentheses are removed. */
export function checkPhoneE164(input: string): ValueCheck<string> {
  if (input.length > MAX_SHORT_VALUE_LENGTH)
    return refuse(`must be at most ${MAX_SHORT_VALUE_LENGTH} characters`);
  const compact = input.trim().replace(/[\s.()-]/g, '');
  if (compact === '') return refuse('must not be empty');
  if (!compact.startsWith('+')) return refuse('must start with "+" and the country calling code (E.164)');
  const digits = compact.slice(1);
  if (!/^\d+$/.test(digits)) return refuse('may hold only digits after the "+"');
  if (digits.startsWith('0')) return refuse('must not have a country calling code starting with 0');
  if (digits.length < MIN_E164_DIGITS || digits.length > MAX_E164_DIGITS) {
    return refuse(`must have ${MIN_E164_DIGITS} to ${MAX_E164_DIGITS} digits after the "+"`);
  }
  return accept(`+${digits}`);
}

/** An absolute http(s) URL without credentials whose host is a host name or an IP address. */
export function checkWebUrl(input: string): ValueCheck<string> {
  const trimmed = input.trim();
  if (trimmed === '') return refuse('must not be empty');
  if (trimmed.length > MAX_WEB_URL_LENGTH) return refuse(`must be at most ${MAX_WEB_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refuse('is not an absolute URL (expected http://... or https://...)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('must use http or https');
  if (url.username !== '' || url.password !== '') return refuse('must not contain a user name or password');
  const bracketless = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!isIPv4(bracketless) && !isIPv6(bracketless)) {
    const host = checkHostName(url.hostname);
    if (!host.ok) return refuse(`host "${url.hostname}" ${host.reason}`);
  }
  const href = url.href;
  return href.length > MAX_WEB_URL_LENGTH
    ? refuse(`must be at most ${MAX_WEB_URL_LENGTH} characters`)
    : accept(href);
}

/** An assigned ISO 3166-1 alpha-2 code; reserved and user-assigned codes (EU, UK, XK) are refused. */
export function checkCountryCode(input: string): ValueCheck<string> {
  const code = input.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return refuse('must be two letters (ISO 3166-1 alpha-2)');
  if (ASSIGNED_COUNTRY_CODES.has(code)) return accept(code);
  if (isUserAssignedCountryCode(code)) return refuse('is a user-assigned code, not a country');
  if (isReservedCountryCode(code)) return refuse('is reserved in ISO 3166-1, not assigned to a country');
  return refuse('is not an assigned ISO 3166-1 alpha-2 code');
}

/** An ISO 639-1 language code, returned lower case. */
export function checkLanguageCode(input: string): ValueCheck<string> {
  const code = input.trim().toLowerCase();
  if (!/^[a-z]{2}$/.test(code)) return refuse('must be two letters (ISO 639-1)');
  return ISO_639_1_CODES.has(code) ? accept(code) : refuse('is not an ISO 639-1 language code');
}

/** A positive integer, given as a number or as decimal digits. */
export function checkRegistrarId(input: string | number): ValueCheck<number> {
  const text = typeof input === 'number' ? String(input) : input.trim();
  if (!/^\d{1,10}$/.test(text)) return refuse('must be a positive integer');
  const id = Number(text);
  return id >= 1 && id <= MAX_REGISTRAR_ID ? accept(id) : refuse('must be a positive integer');
}

/** 40 (v4) or 64 (v5) hex digits once spaces are removed; returned upper case. */
export function checkPgpFingerprint(input: string): ValueCheck<string> {
  if (input.length > 2 * MAX_SHORT_VALUE_LENGTH) return refuse('is too long for a fingerprint');
  const hex = input.replace(/\s/g, '');
  if (!/^[0-9A-Fa-f]+$/.test(hex)) return refuse('must be hexadecimal');
  if (hex.length !== 40 && hex.length !== 64) return refuse('must have 40 or 64 hex digits');
  return accept(hex.toUpperCase());
}

/** An IANA time zone name the runtime knows (`Europe/Paris`, `UTC`); fixed offsets are refused. */
export function checkTimeZone(input: string): ValueCheck<string> {
  const name = input.trim();
  if (name === '' || name.length > MAX_SHORT_VALUE_LENGTH || /^[+-]/.test(name)) {
    return refuse('must be an IANA time zone name such as Europe/Paris');
  }
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    return accept(resolved.toLowerCase() === name.toLowerCase() ? resolved : canonicalCase(name));
  } catch {
    return refuse('is not a known IANA time zone');
  }
}

const TIME_ZONES_BY_LOWER_CASE = new Map(
  Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone] as const),
);

function canonicalCase(name: string): string {
  return TIME_ZONES_BY_LOWER_CASE.get(name.toLowerCase()) ?? name;
}
