import { parseRegistrarAbuseContacts, parseRegistryAbuseContacts } from './abuse-contacts.parser';
import { parseCertopediaCerts } from './certopedia-certs.parser';
import { parseCsirtMentions } from './csirt-mentions.parser';
import { mergeNationalCsirts } from './national-csirts';
import { ReferenceDataUnavailableError } from './reference-data.errors';
import { openReferenceFileSource } from './reference-file-source';
import type { ReferenceFile, ReferenceFileSourceOptions } from './reference-file-source';
import type {
  AbuseContactRecord,
  CsirtRecord,
  ParseResult,
  RegistrarRecord,
  TldRecord,
} from './reference-records';
import type { SkippingParseResult } from './reference-rows';
import { parseRegistrarIds } from './registrar-ids.parser';
import { parseRootZoneTldsCsv, parseRootZoneTldsJson } from './root-zone-tlds.parser';

/** Paths the loader looks for under the import root; each file is optional. */
export const REFERENCE_FILES = {
  rootZoneTldsCsv: 'tld-registry/iana-root-zone-tlds.csv',
  rootZoneTldsJson: 'tld-registry/iana-root-zone-tlds.json',
  registryAbuseContacts: 'tld-registry/diggingdns-gtld-registry-abuse-contacts.csv',
  registrarIds: 'registrars/iana-registrar-ids.csv',
  registrarAbuseContacts: 'registrars/diggingdns-registrars.csv',
  certopediaCerts: 'csirts/certopedia-certs.json',
  csirtMentions: 'csirts/eu-csirts-network-members-from-cnw-advisories.csv',
} as const;

export interface ReferenceDataSet {
  readonly from: string;
  readonly tlds: ParseResult<TldRecord>;
  readonly registryAbuseContacts: SkippingParseResult<AbuseContactRecord>;
  readonly registrars: ParseResult<RegistrarRecord>;
  readonly registrarAbuseContacts: SkippingParseResult<AbuseContactRecord>;
  /** One per country, merged from the CERT list and the CSIRTs Network mentions. */
  readonly csirts: ParseResult<CsirtRecord>;
  /** Files read, named as in the records' sources: relative path, or the URL fetched. */
  readonly read: readonly string[];
  /** Known relative paths that were absent (the JSON TLD table only when the CSV is absent too). */
  readonly missing: readonly string[];
}

/** Reported after each input is read and parsed, or found missing. */
export interface ReferenceLoadProgress {
  readonly done: number;
  readonly total: number;
  /** The file read, or the relative path(s) looked for when missing. */
  readonly file: string;
  readonly found: boolean;
  readonly records: number;
  readonly rejections: number;
}

/**
 * Reads and parses the directory's reference data from a directory or an http(s) base URL.
 * Missing files are listed in `missing`; bad rows are rejections in each result.
 *
 * @throws ReferenceDataUnavailableError when none of {@link REFERENCE_FILES} exists, or the
 *   source cannot be read (not a directory, HTTP error other than 404, timeout).
 * @throws ReferenceDataFormatError when a file is malformed as a whole.
 */
export async function loadReferenceData(
  from: string,
  onProgress?: (progress: ReferenceLoadProgress) => void,
  options: ReferenceFileSourceOptions = {},
): Promise<ReferenceDataSet> {
  const source = await openReferenceFileSource(from, options);
  const read: string[] = [];
  const missing: string[] = [];
  const total = 6;
  let done = 0;

  /** Reads the first of `paths` that exists and parses it; an empty result when none does. */
  async function load<R extends ParseResult<unknown>>(
    paths: readonly string[],
    parse: (found: ReferenceFile, path: string) => R,
    empty: R,
  ): Promise<R> {
    for (const path of paths) {
      const found = await source.read(path);
      if (found === null) continue;
      const result = parse(found, path);
      read.push(found.file);
      done += 1;
      onProgress?.({ done, total, file: found.file, found: true, ...counts(result) });
      return result;
    }
    missing.push(...paths);
    done += 1;
    onProgress?.({ done, total, file: paths.join(' or '), found: false, records: 0, rejections: 0 });
    return empty;
  }

  const none = { records: [], rejections: [] };
  const noneSkipped = { ...none, skipped: 0 };
  const tlds = await load(
    [REFERENCE_FILES.rootZoneTldsCsv, REFERENCE_FILES.rootZoneTldsJson],
    ({ file, text }, path) =>
      path.endsWith('.json') ? parseRootZoneTldsJson(text, file) : parseRootZoneTldsCsv(text, file),
    none,
  );
  const registryAbuseContacts = await load(
    [REFERENCE_FILES.registryAbuseContacts],
    ({ file, text }) => parseRegistryAbuseContacts(text, file),
    noneSkipped,
  );
  const registrars = await load(
    [REFERENCE_FILES.registrarIds],
    ({ file, text }) => parseRegistrarIds(text, file),
    none,
  );
  const registrarAbuseContacts = await load(
    [REFERENCE_FILES.registrarAbuseContacts],
    ({ file, text }) => parseRegistrarAbuseContacts(text, file),
    noneSkipped,
  );
  const certs = await load(
    [REFERENCE_FILES.certopediaCerts],
    ({ file, text }) => parseCertopediaCerts(text, file),
    none,
  );
  const mentions = await load(
    [REFERENCE_FILES.csirtMentions],
    ({ file, text }) => parseCsirtMentions(text, file),
    none,
  );

  if (read.length === 0) {
    const lookedFor = Object.values(REFERENCE_FILES).join(', ');
    throw new ReferenceDataUnavailableError(
      from,
      `none of the known files was found; looked for ${lookedFor}`,
    );
  }
  const csirts = mergeNationalCsirts(certs, mentions);
  return { from, tlds, registryAbuseContacts, registrars, registrarAbuseContacts, csirts, read, missing };
}

function counts(result: ParseResult<unknown>): { records: number; rejections: number } {
  return { records: result.records.length, rejections: result.rejections.length };
}
