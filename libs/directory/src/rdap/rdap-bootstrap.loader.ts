import { readFile } from 'node:fs/promises';
import {
  RdapBootstrap,
  RdapBootstrapError,
  parseRdapBootstrapFile,
  parseSupplementalRdapFile,
  type RdapServiceTable,
} from './rdap-bootstrap';
import { messageOf } from './rdap-error-detail';
import { readBodyWithin } from './rdap-response-body';

/** Where the bootstrap files are: file paths or http(s) URLs. */
export interface RdapBootstrapLocations {
  /** An RFC 9224 file such as https://data.iana.org/rdap/dns.json. */
  readonly iana: string;
  /** The supplemental ccTLD list, consulted only for TLDs the IANA file lacks. */
  readonly supplemental?: string;
}

export interface RdapBootstrapLoadOptions {
  /** Per-download timeout for URLs; default 10 000 ms. */
  readonly timeoutMs?: number;
  /** Largest accepted file; default 8 MiB (IANA's dns.json is about 70 KiB). */
  readonly maxBytes?: number;
}

/**
 * Load the bootstrap from files or URLs. Throws {@link RdapBootstrapError} naming the file when it
 * cannot be read or is malformed: a deployment with a broken bootstrap should fail at start-up,
 * not answer `no_service` for every domain.
 */
export async function loadRdapBootstrap(
  locations: RdapBootstrapLocations,
  options: RdapBootstrapLoadOptions = {},
): Promise<RdapBootstrap> {
  const tables: RdapServiceTable[] = [
    parseRdapBootstrapFile(await readJsonDocument(locations.iana, options), locations.iana),
  ];
  if (locations.supplemental !== undefined) {
    const supplemental = await readJsonDocument(locations.supplemental, options);
    tables.push(parseSupplementalRdapFile(supplemental, locations.supplemental));
  }
  return RdapBootstrap.fromTables(...tables);
}

/** Read and JSON-parse a file path or http(s) URL. */
export async function readJsonDocument(
  location: string,
  options: RdapBootstrapLoadOptions = {},
): Promise<unknown> {
  const text = /^https?:\/\//i.test(location)
    ? await download(location, options)
    : await readFile(location, 'utf8').catch((error: unknown) => {
        throw new RdapBootstrapError(location, `cannot read the file: ${messageOf(error)}`);
      });
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RdapBootstrapError(location, `not valid JSON: ${messageOf(error)}`);
  }
}

async function download(url: string, options: RdapBootstrapLoadOptions): Promise<string> {
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new RdapBootstrapError(url, `download answered HTTP ${response.status}`);
    }
    const body = await readBodyWithin(response, maxBytes);
    if (body.kind === 'too_large') throw new RdapBootstrapError(url, `larger than ${maxBytes} bytes`);
    return body.text;
  } catch (error) {
    if (error instanceof RdapBootstrapError) throw error;
    throw new RdapBootstrapError(url, `download failed: ${messageOf(error)}`);
  }
}
