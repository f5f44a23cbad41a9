import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import { ReferenceDataFormatError, ReferenceDataUnavailableError } from './reference-data.errors';
import { REFERENCE_FILES, loadReferenceData } from './reference-data.loader';
import type { ReferenceDataSet, ReferenceLoadProgress } from './reference-data.loader';

const countsOf = (set: ReferenceDataSet) => ({
  tlds: set.tlds.records.length,
  registryAbuseContacts: set.registryAbuseContacts.records.length,
  registrars: set.registrars.records.length,
  registrarAbuseContacts: set.registrarAbuseContacts.records.length,
  csirts: set.csirts.records.length,
});
const EXPECTED_COUNTS = {
  tlds: 1595,
  registryAbuseContacts: 950,
  registrars: 4177,
  registrarAbuseContacts: 2786,
  csirts: 35,
};
const KNOWN_WITHOUT_TLD_JSON = Object.values(REFERENCE_FILES).filter((path) => !path.endsWith('tlds.json'));

describeWithSharedData('loadReferenceData from the shared data', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      if (path.startsWith('/slow/')) return; // never answers: the loader's timeout must end it
      if (path.startsWith('/broken/')) return void response.writeHead(503, 'Service Unavailable').end();
      const relative = normalize(path.replace(/^\/data\//, '')).replace(/^(\.\.[/\\])+/, '');
      readFile(sharedDataPath(relative)).then(
        (body) => response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(body),
        () => response.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads every known file from a directory, preferring the CSV TLD table', async () => {
    const progress: ReferenceLoadProgress[] = [];
    const set = await loadReferenceData(sharedDataPath(), (event) => progress.push(event));
    expect(countsOf(set)).toEqual(EXPECTED_COUNTS);
    expect(set.read).toEqual(KNOWN_WITHOUT_TLD_JSON);
    expect(set.missing).toEqual([]);
    expect(progress.map((event) => `${event.done}/${event.total} ${event.file} ${event.records}`)).toEqual([
      `1/6 ${REFERENCE_FILES.rootZoneTldsCsv} 1595`,
      `2/6 ${REFERENCE_FILES.registryAbuseContacts} 950`,
      `3/6 ${REFERENCE_FILES.registrarIds} 4177`,
      `4/6 ${REFERENCE_FILES.registrarAbuseContacts} 2786`,
      `5/6 ${REFERENCE_FILES.certopediaCerts} 11`,
      `6/6 ${REFERENCE_FILES.csirtMentions} 52`,
    ]);
  });

  it('reads the same data from an http base URL, naming sources by URL', async () => {
    const set = await loadReferenceData(`${baseUrl}/data`);
    expect(countsOf(set)).toEqual(EXPECTED_COUNTS);
    expect(set.read).toEqual(KNOWN_WITHOUT_TLD_JSON.map((path) => `${baseUrl}/data/${path}`));
    const com = set.tlds.records.find((record) => record.tld === 'com');
    expect(com?.source).toEqual({ file: `${baseUrl}/data/${REFERENCE_FILES.rootZoneTldsCsv}`, line: 289 });
  });

  it('treats 404 as a missing file and fails when nothing at all is found', async () => {
    const attempt = loadReferenceData(`${baseUrl}/data/nowhere/`);
    await expect(attempt).rejects.toThrow(ReferenceDataUnavailableError);
    await expect(attempt).rejects.toThrow(
      /none of the known files was found; looked for tld-registry\/iana-root-zone/,
    );
  });

  it('fails naming the URL on another HTTP error', async () => {
    await expect(loadReferenceData(`${baseUrl}/broken/`)).rejects.toThrow(
      `Reference data unavailable from ${baseUrl}/broken/${REFERENCE_FILES.rootZoneTldsCsv}: GET answered HTTP 503`,
    );
  });

  it('fails naming the URL when the server does not answer in time', async () => {
    await expect(loadReferenceData(`${baseUrl}/slow/`, undefined, { timeoutMs: 200 })).rejects.toThrow(
      `${baseUrl}/slow/${REFERENCE_FILES.rootZoneTldsCsv}: GET timed out after 0.2 s`,
    );
  });
});

describe('loadReferenceData from an operator directory', () => {
  let root: string;
  const write = async (relativePath: string, text: string) => {
    await mkdir(dirname(join(root, relativePath)), { recursive: true });
    await writeFile(join(root, relativePath), text);
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dnscc-reference-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reports missing files, reads the JSON TLD table without the CSV, and rejects bad rows by line', async () => {
    const tld = { tld: 'example', iana_tag: 'test', delegated: false, iso3166_alpha2: '', sponsor: 'IANA' };
    const fields = { icann_registry_operator: '', registry_url: '', whois_server: '', rdap_server: '' };
    await write(
      REFERENCE_FILES.rootZoneTldsJson,
      JSON.stringify([{ ...tld, ...fields, tld_last_updated: '' }]),
    );
    await write(
      REFERENCE_FILES.registrarIds,
      '"ID",Registrar Name,Status,RDAP Base URL\n292,MarkMonitor Inc.,Accredited,\nabc,Bad,Accredited,\n',
    );
    const set = await loadReferenceData(root);
    expect(set.tlds.records.map((record) => [record.tld, record.type, record.source])).toEqual([
      ['example', 'TEST', { file: REFERENCE_FILES.rootZoneTldsJson, line: 1 }],
    ]);
    expect(set.registrars.rejections).toEqual([
      { file: REFERENCE_FILES.registrarIds, line: 3, reason: 'ID "abc" must be a positive integer' },
    ]);
    expect(set.read).toEqual([REFERENCE_FILES.rootZoneTldsJson, REFERENCE_FILES.registrarIds]);
    expect(set.missing).toEqual([
      REFERENCE_FILES.registryAbuseContacts,
      REFERENCE_FILES.registrarAbuseContacts,
      REFERENCE_FILES.certopediaCerts,
      REFERENCE_FILES.csirtMentions,
    ]);
    expect(set.registryAbuseContacts).toEqual({ records: [], rejections: [], skipped: 0 });
  });

  it('throws a format error naming the file and the line of an unterminated quote', async () => {
    await write(
      REFERENCE_FILES.registrarAbuseContacts,
      'iana_id,name,link,email,form,api,notes,found,as_of\n1,"A",,a@a.example,,,,TRUE,\n2,"B,,b@b.example,,,,TRUE,\n',
    );
    const attempt = loadReferenceData(root);
    await expect(attempt).rejects.toThrow(ReferenceDataFormatError);
    await expect(attempt).rejects.toThrow(
      `Malformed reference data file ${REFERENCE_FILES.registrarAbuseContacts} at line 3`,
    );
  });

  it('fails clearly on an empty directory or a path that is not a directory', async () => {
    await expect(loadReferenceData(root)).rejects.toThrow(
      `looked for ${Object.values(REFERENCE_FILES).join(', ')}`,
    );
    await expect(loadReferenceData(join(root, 'absent'))).rejects.toThrow('is not a directory');
    await expect(loadReferenceData('ftp://example.com/data/')).rejects.toThrow(
      'only a directory or an http(s) base URL',
    );
  });
});
