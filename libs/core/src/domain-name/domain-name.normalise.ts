import { isIP, isIPv4 } from 'node:net';
import { URL, domainToASCII, domainToUnicode } from 'node:url';
import { InvalidInputError } from '../errors/domain-error';
import { parse } from 'tldts';
import type { DomainName } from './domain-name';

/** Longest URL the centre stores; browsers and most servers stop near 2,000 characters. */
export const MAX_URL_LENGTH = 2048;

/** RFC 1035: 253 characters in presentation form without the trailing dot, 63 per label. */
const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
/** Letters, digits, hyphen; underscore is checked separately, as it is legal only in some labels. */
const LDH_LABEL = /^[a-z0-9_-]+$/;
/**
 * ASCII a domain may contain before IDN conversion. Checked first because domainToASCII is
 * WHATWG host parsing: it percent-decodes (`ex%41mple.com`) and cuts at `/`, which would
 * silently turn junk into a valid name.
 */
const ALLOWED_ASCII = /^[A-Za-z0-9._-]$/;

export type DomainNameCheck =
  { readonly ok: true; readonly domain: DomainName } | { readonly ok: false; readonly reason: string };

/**
 * Normalises what a person typed into the name the centre stores and compares: trimmed,
 * lower-case A-label, one trailing dot dropped, with Public Suffix List facts attached.
 *
 * @throws InvalidInputError (BAD_USER_INPUT) naming `field` and the value when the input is not
 *   a registrable DNS name under a TLD the PSL knows.
 */
export function normaliseDomain(input: string, field = 'domain'): DomainName {
  const check = tryNormaliseDomain(input);
  if (!check.ok) throw new InvalidInputError(field, input, check.reason);
  return check.domain;
}

/** As {@link normaliseDomain}, but says why instead of throwing, for callers that wrap the reason. */
export function tryNormaliseDomain(input: string): DomainNameCheck {
  const fail = (reason: string): DomainNameCheck => ({ ok: false, reason });
  const trimmed = input.trim();
  if (trimmed === '') return fail('must not be empty');
  if (/\s/u.test(trimmed)) return fail('must not contain spaces');
  if (trimmed.includes('://')) return fail('is a URL; give the domain name only');

  const candidate = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  const unbracketed = candidate.replace(/^\[(.*)\]$/u, '$1');
  if (isIP(unbracketed) !== 0) return fail('is an IP address, not a domain name');
  const badChar = Array.from(candidate).find(
    (char) => char.charCodeAt(0) < 0x80 && !ALLOWED_ASCII.test(char),
  );
  if (badChar !== undefined) return fail(`must not contain "${badChar}"`);

  // Returns '' for what IDNA refuses (bad punycode, disallowed code points, numeric last label).
  const name = domainToASCII(candidate);
  if (name === '') return fail('is not a valid domain name (invalid characters or internationalised label)');
  // WHATWG reads `123.456` or `0x7f.1` as IPv4 and rewrites it; it is still an address.
  if (isIPv4(name)) return fail('is an IP address, not a domain name');
  if (name.length > MAX_NAME_LENGTH)
    return fail(`must be at most ${MAX_NAME_LENGTH} characters (got ${name.length})`);

  const labels = name.split('.');
  for (const label of labels) {
    const problem = labelProblem(label);
    if (problem !== null) return fail(problem);
  }
  return withSuffixFacts(name, labels[labels.length - 1] ?? name);
}

function labelProblem(label: string): string | null {
  if (label === '') return 'must not contain an empty label (two dots in a row, or a leading dot)';
  if (label.length > MAX_LABEL_LENGTH) {
    return `label "${label}" is longer than ${MAX_LABEL_LENGTH} characters`;
  }
  if (!LDH_LABEL.test(label)) return `label "${label}" may hold only letters, digits and hyphens`;
  if (label.startsWith('-') || label.endsWith('-')) {
    return `label "${label}" must not start or end with a hyphen`;
  }
  return null;
}

function withSuffixFacts(name: string, tld: string): DomainNameCheck {
  // The ICANN-only view says whether the TLD exists at all: an unknown TLD falls to the PSL's
  // implicit `*` rule, which tldts reports as not ICANN.
  const icann = parse(name, { extractHostname: false });
  if (icann.isIcann !== true)
    return { ok: false, reason: `top-level domain ".${tld}" is not in the Public Suffix List` };

  const psl = parse(name, { allowPrivateDomains: true, extractHostname: false });
  const publicSuffix = psl.publicSuffix ?? tld;
  // A private suffix is itself a registered domain (`cloudflare-ipfs.com`, `duckdns.org`): a report
  // about the platform's own name is its own to act on, so it is accepted as its own registrable domain.
  const registrableDomain = psl.domain ?? (psl.isPrivate === true && icann.domain === name ? name : null);
  if (registrableDomain === null) {
    const what = publicSuffix === tld ? 'a top-level domain' : `a public suffix (${publicSuffix})`;
    return { ok: false, reason: `is ${what}, not a registrable domain` };
  }
  // SRV and policy names (`_dmarc`, `_sip._tcp`) use underscores, but no registry accepts one.
  if (registrableDomain.includes('_')) {
    return { ok: false, reason: `registrable domain "${registrableDomain}" must not contain "_"` };
  }
  return {
    ok: true,
    domain: {
      name,
      unicode: domainToUnicode(name),
      registrableDomain,
      publicSuffix,
      isPrivateSuffix: psl.isPrivate === true,
      tld,
    },
  };
}

/**
 * Normalises a reported URL: http or https only, at most {@link MAX_URL_LENGTH} characters, host
 * normalised like a domain (IP hosts are allowed: malware is often served from bare addresses).
 *
 * @returns the WHATWG serialisation, so equal URLs compare equal as strings.
 * @throws InvalidInputError (BAD_USER_INPUT) naming `field` and the value.
 */
export function normaliseUrl(input: string, field = 'urls'): string {
  const fail = (reason: string): never => {
    throw new InvalidInputError(field, input, reason);
  };
  const trimmed = input.trim();
  if (trimmed === '') fail('must not be empty');
  if (trimmed.length > MAX_URL_LENGTH) fail(`must be at most ${MAX_URL_LENGTH} characters`);

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return fail('is not a valid absolute URL (expected http://... or https://...)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(`scheme "${url.protocol.slice(0, -1)}" is not allowed; use http or https`);
  }
  const isAddress = url.hostname.startsWith('[') || isIPv4(url.hostname);
  if (!isAddress) {
    const host = tryNormaliseDomain(url.hostname);
    if (!host.ok) return fail(`host "${url.hostname}" ${host.reason}`);
    url.hostname = host.domain.name;
  }
  // Punycode and percent-encoding can lengthen the URL past the limit the input respected.
  if (url.href.length > MAX_URL_LENGTH) fail(`must be at most ${MAX_URL_LENGTH} characters once normalised`);
  return url.href;
}
