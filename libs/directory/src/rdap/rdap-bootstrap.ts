import { isJsonObject } from './rdap-json';

/** A bootstrap file that cannot be used; names the file (path or URL) and what is wrong with it. */
export class RdapBootstrapError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`RDAP bootstrap ${file}: ${problem}`);
    this.name = 'RdapBootstrapError';
  }
}

/** The services of one bootstrap file: DNS label (lower case, no trailing dot) -> RDAP base URLs. */
export interface RdapServiceTable {
  readonly file: string;
  /** `publication` of an RFC 9224 file; null for files without one. */
  readonly publication: string | null;
  readonly services: ReadonlyMap<string, readonly string[]>;
}

/**
 * Where to send RDAP queries for a domain, from one or more bootstrap files. Earlier tables win:
 * the supplemental ccTLD list only fills TLDs IANA does not publish, so once IANA lists a TLD its
 * entry is used even if the supplemental file still names another server.
 */
export class RdapBootstrap {
  private readonly services = new Map<string, readonly string[]>();

  private constructor(private readonly tables: readonly RdapServiceTable[]) {
    for (const table of tables) {
      for (const [label, urls] of table.services) {
        if (!this.services.has(label)) this.services.set(label, urls);
      }
    }
  }

  static fromTables(...tables: readonly RdapServiceTable[]): RdapBootstrap {
    return new RdapBootstrap(tables);
  }

  /** Number of DNS labels with a service. */
  get size(): number {
    return this.services.size;
  }

  /** Base URLs (https first, each ending in `/`) for a TLD; empty when the TLD has no service. */
  baseUrlsFor(tld: string): readonly string[] {
    return this.services.get(normaliseLabel(tld)) ?? [];
  }

  /**
   * Base URLs for a domain by the longest matching entry (RFC 9224 §4): today every entry is a
   * TLD, but the format allows longer ones and a client must prefer them.
   */
  baseUrlsForDomain(domain: string): readonly string[] {
    const labels = normaliseLabel(domain).split('.');
    for (let start = 0; start < labels.length; start += 1) {
      const urls = this.services.get(labels.slice(start).join('.'));
      if (urls !== undefined) return urls;
    }
    return [];
  }

  /** Which files this bootstrap came from, for "no service" reasons and logs. */
  describe(): string {
    return this.tables
      .map((table) =>
        table.publication === null ? table.file : `${table.file} (published ${table.publication})`,
      )
      .join(', ');
  }
}

/** Parse an RFC 9224 bootstrap file (`{version, publication, services: [[labels[], urls[]], ...]}`). */
export function parseRdapBootstrapFile(json: unknown, file: string): RdapServiceTable {
  const fail = (problem: string): never => {
    throw new RdapBootstrapError(file, problem);
  };
  if (!isJsonObject(json)) return fail('expected a JSON object at the top level');
  if (json.version !== '1.0') return fail(`expected "version": "1.0", got ${JSON.stringify(json.version)}`);
  const publication = json.publication;
  if (typeof publication !== 'string') return fail('"publication" is missing or not a string');
  if (!Array.isArray(json.services)) return fail('"services" is missing or not an array');
  const services = new Map<string, readonly string[]>();
  for (const [index, service] of (json.services as unknown[]).entries()) {
    const at = `services[${index}]`;
    if (!Array.isArray(service) || service.length !== 2) return fail(`${at}: expected [labels[], urls[]]`);
    const [labels, urls] = service as [unknown, unknown];
    const baseUrls = baseUrlsOf(urls, `${at}[1]`, fail);
    for (const label of stringArray(labels, `${at}[0]`, fail)) {
      // A label listed twice is a publisher's slip; the first service keeps it, as across tables.
      if (!services.has(normaliseLabel(label))) services.set(normaliseLabel(label), baseUrls);
    }
  }
  return { file, publication, services };
}

/** Parse the supplemental ccTLD list shape (`{ccTldRdapServers: [{tld, rdapServer, ...}]}`). */
export function parseSupplementalRdapFile(json: unknown, file: string): RdapServiceTable {
  const fail = (problem: string): never => {
    throw new RdapBootstrapError(file, problem);
  };
  if (!isJsonObject(json)) return fail('expected a JSON object at the top level');
  if (!Array.isArray(json.ccTldRdapServers)) return fail('"ccTldRdapServers" is missing or not an array');
  const services = new Map<string, readonly string[]>();
  for (const [index, server] of (json.ccTldRdapServers as unknown[]).entries()) {
    const at = `ccTldRdapServers[${index}]`;
    if (!isJsonObject(server)) return fail(`${at}: expected an object`);
    if (typeof server.tld !== 'string' || server.tld.trim() === '') return fail(`${at}.tld: expected a TLD`);
    const tld = normaliseLabel(server.tld);
    const url = baseUrlOf(server.rdapServer, `${at}.rdapServer`, fail);
    services.set(tld, preferHttps([...(services.get(tld) ?? []), url]));
  }
  return { file, publication: null, services };
}

function stringArray(value: unknown, at: string, fail: (problem: string) => never): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) {
    return fail(`${at}: expected a non-empty array of strings`);
  }
  return value.map((item: unknown, index) =>
    typeof item === 'string' && item.trim() !== ''
      ? item
      : fail(`${at}[${index}]: expected a non-empty string`),
  );
}

function baseUrlsOf(value: unknown, at: string, fail: (problem: string) => never): readonly string[] {
  const urls = stringArray(value, at, fail).map((url, index) => baseUrlOf(url, `${at}[${index}]`, fail));
  return preferHttps(urls);
}

function baseUrlOf(value: unknown, at: string, fail: (problem: string) => never): string {
  const url = typeof value === 'string' ? URL.parse(value.trim()) : null;
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return fail(`${at}: expected an http(s) URL, got ${JSON.stringify(value)}`);
  }
  // Query URLs are built as `${base}domain/${name}`, so a base without its slash would lose a path segment.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** RFC 9224 §3: clients should use https when a service offers both; http stays as a fallback. */
function preferHttps(urls: readonly string[]): readonly string[] {
  const unique = [...new Set(urls)];
  return [
    ...unique.filter((url) => url.startsWith('https:')),
    ...unique.filter((url) => !url.startsWith('https:')),
  ];
}

function normaliseLabel(label: string): string {
  return label.trim().toLowerCase().replace(/\.+$/, '');
}
