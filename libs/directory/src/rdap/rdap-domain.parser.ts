import type { RdapContact, RdapRegistrar } from '../domain/routing/rdap-outcome';
import { isJsonObject, objectsIn, stringsIn, textOf, type JsonObject } from './rdap-json';
import { vcardEmail, vcardPhone, vcardProperties, vcardText } from './rdap-vcard.parser';

/** What routing reads from one RDAP domain object (RFC 9083 §5.3). */
export interface RdapDomainRecord {
  /** The entity with role `registrar`; null when the answer has none. */
  readonly registrar: RdapRegistrar | null;
  /** RFC 8056 status names as the server wrote them. */
  readonly status: readonly string[];
  /** RFC 9537 redactions: `name.description` or `name.type`, else the JSONPath. */
  readonly redacted: readonly string[];
  /** The registrar's RDAP URL for the domain (link rel `related`, type application/rdap+json). */
  readonly relatedRegistrarUrl: string | null;
}

export type RdapDomainParse =
  | { readonly kind: 'parsed'; readonly domain: RdapDomainRecord }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Read a domain answer. Servers differ widely (missing `status`, `vcardArray` or `publicIds`,
 * odd casing), so a missing or odd field only means "not known"; the answer is `invalid` only
 * when it is not an object, is an RDAP error object or is another class of object.
 *
 * @param source the URL the answer came from; it becomes the `source` of its contacts and resolves
 *   relative links.
 */
export function parseRdapDomain(json: unknown, source: string): RdapDomainParse {
  if (!isJsonObject(json)) {
    return { kind: 'invalid', reason: `expected an RDAP domain object, got ${kindOf(json)}` };
  }
  const objectClassName = textOf(json.objectClassName);
  if (objectClassName === null && json.errorCode !== undefined) {
    return { kind: 'invalid', reason: `the server answered an RDAP error object (${describeError(json)})` };
  }
  if (objectClassName !== null && objectClassName.toLowerCase() !== 'domain') {
    return { kind: 'invalid', reason: `expected objectClassName "domain", got "${objectClassName}"` };
  }
  const relatedRegistrarUrl = relatedRegistrarUrlOf(json, source);
  const registrarEntity = objectsIn(json.entities).find((entity) => hasRole(entity, 'registrar'));
  return {
    kind: 'parsed',
    domain: {
      registrar:
        registrarEntity === undefined ? null : registrarOf(registrarEntity, relatedRegistrarUrl, source),
      status: unique(stringsIn(json.status).map((status) => status.trim())),
      redacted: unique(objectsIn(json.redacted).map(redactionName)),
      relatedRegistrarUrl,
    },
  };
}

function registrarOf(entity: JsonObject, rdapUrl: string | null, source: string): RdapRegistrar {
  const vcard = vcardProperties(entity.vcardArray);
  return {
    ianaId: ianaIdOf(entity),
    // Registrars' own servers often give only `org` (MarkMonitor does), registries `fn`.
    name: vcardText(vcard, 'fn') ?? vcardText(vcard, 'org'),
    rdapUrl,
    abuseContacts: objectsIn(entity.entities)
      .filter((nested) => hasRole(nested, 'abuse'))
      .map((abuse) => contactOf(abuse, source))
      .filter((contact) => contact.email !== null || contact.phone !== null),
  };
}

function contactOf(entity: JsonObject, source: string): RdapContact {
  const vcard = vcardProperties(entity.vcardArray);
  return { email: vcardEmail(vcard), phone: vcardPhone(vcard), source };
}

/** `publicIds` type "IANA Registrar ID"; an empty, redacted or non-numeric identifier means unknown. */
function ianaIdOf(entity: JsonObject): number | null {
  for (const publicId of objectsIn(entity.publicIds)) {
    if (textOf(publicId.type)?.toLowerCase() !== 'iana registrar id') continue;
    const identifier = publicId.identifier;
    const text = typeof identifier === 'number' ? String(identifier) : textOf(identifier);
    if (text !== null && /^\d{1,9}$/.test(text)) return Number(text);
  }
  return null;
}

function relatedRegistrarUrlOf(json: JsonObject, source: string): string | null {
  for (const link of objectsIn(json.links)) {
    if (textOf(link.rel)?.toLowerCase() !== 'related') continue;
    const type = textOf(link.type)?.split(';')[0]?.trim().toLowerCase();
    const href = textOf(link.href);
    if (type !== 'application/rdap+json' || href === null) continue;
    // RFC 8288: a relative href resolves against the link's context (`value`), else the answer's URL.
    const url = URL.parse(href, URL.parse(textOf(link.value) ?? '')?.href ?? source);
    if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) continue;
    if (/\/domain\/[^/]+$/i.test(url.pathname)) return url.href;
  }
  return null;
}

/** RFC 9537 §4.2: the name when the server gives one, else the path it redacted. */
function redactionName(redaction: JsonObject): string | null {
  const name = isJsonObject(redaction.name) ? redaction.name : {};
  return (
    textOf(name.description) ??
    textOf(name.type) ??
    textOf(redaction.prePath) ??
    textOf(redaction.postPath) ??
    textOf(redaction.replacementPath) ??
    textOf(redaction.path)
  );
}

function hasRole(entity: JsonObject, role: string): boolean {
  return stringsIn(entity.roles).some((candidate) => candidate.trim().toLowerCase() === role);
}

function describeError(json: JsonObject): string {
  const title = textOf(json.title);
  const code = typeof json.errorCode === 'number' ? `errorCode ${json.errorCode}` : 'errorCode';
  return title === null ? code : `${code}: ${title}`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function unique(values: readonly (string | null)[]): readonly string[] {
  return [...new Set(values.filter((value): value is string => value !== null && value !== ''))];
}
