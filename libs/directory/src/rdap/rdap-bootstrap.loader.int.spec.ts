import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import { RdapBootstrapError } from './rdap-bootstrap';
import { loadRdapBootstrap } from './rdap-bootstrap.loader';
import { RdapFixtureServer } from './testing/rdap-fixture.server';

const problemOf = async (load: Promise<unknown>): Promise<string> => {
  const error: unknown = await load.then(
    () => null,
    (rejection: unknown) => rejection,
  );
  if (error instanceof RdapBootstrapError) return `${error.file}: ${error.problem}`;
  throw new Error(`expected an RdapBootstrapError, got ${String(error)}`);
};

describeWithSharedData('loadRdapBootstrap', () => {
  const ianaPath = sharedDataPath('rdap', 'bootstrap', 'dns.json');
  const supplementalPath = sharedDataPath('rdap', 'bootstrap', 'supplemental-cctld-rdap.case-iana-data.json');
  let server: RdapFixtureServer;
  let directory: string;
  beforeAll(async () => {
    server = await RdapFixtureServer.start();
    server.route('rdap/dns.json', { body: readFileSync(ianaPath, 'utf8') });
    server.route('rdap/broken.json', { body: '{"version": "1.0",' });
    directory = mkdtempSync(join(tmpdir(), 'dnscc-rdap-bootstrap-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('loads the IANA file and the supplemental list from files', async () => {
    const bootstrap = await loadRdapBootstrap({ iana: ianaPath, supplemental: supplementalPath });
    expect(bootstrap.baseUrlsFor('com')).toEqual(['https://rdap.verisign.com/com/v1/']);
    expect(bootstrap.baseUrlsFor('de')).toEqual(['https://rdap.denic.de/']);
  });

  it('loads the IANA file from a URL', async () => {
    const bootstrap = await loadRdapBootstrap({ iana: `${server.baseUrl}rdap/dns.json` });
    expect(bootstrap.baseUrlsFor('com')).toEqual(['https://rdap.verisign.com/com/v1/']);
    expect(bootstrap.baseUrlsFor('de')).toEqual([]);
  });

  it('names the file and the fault when it cannot be used', async () => {
    const missing = join(directory, 'missing.json');
    expect(await problemOf(loadRdapBootstrap({ iana: missing }))).toMatch(
      new RegExp(`^${missing}: cannot read the file: ENOENT`),
    );
    const notJson = join(directory, 'not-json.json');
    writeFileSync(notJson, 'version: 1.0');
    expect(await problemOf(loadRdapBootstrap({ iana: notJson }))).toMatch(
      new RegExp(`^${notJson}: not valid JSON: `),
    );
    expect(await problemOf(loadRdapBootstrap({ iana: ianaPath, supplemental: ianaPath }))).toBe(
      `${ianaPath}: "ccTldRdapServers" is missing or not an array`,
    );
    const gone = `${server.baseUrl}rdap/gone.json`;
    expect(await problemOf(loadRdapBootstrap({ iana: gone }))).toBe(`${gone}: download answered HTTP 404`);
    const broken = `${server.baseUrl}rdap/broken.json`;
    expect(await problemOf(loadRdapBootstrap({ iana: broken }))).toMatch(
      new RegExp(`^${broken}: not valid JSON: `),
    );
  });
});
