import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bootstrapDataDir, DnsccServer, newDataDir } from './support/dnscc-server';
import {
  directorySnapshot,
  parseImportSummary,
  runDirectoryImport,
  type ImportSummary,
} from './support/directory-import-cli';
import { describeWithSharedData, sharedDataPath } from './support/shared-data';

jest.setTimeout(60_000);

const KNOWN_FILES = [
  'tld-registry/iana-root-zone-tlds.csv',
  'tld-registry/iana-root-zone-tlds.json',
  'tld-registry/diggingdns-gtld-registry-abuse-contacts.csv',
  'registrars/iana-registrar-ids.csv',
  'registrars/diggingdns-registrars.csv',
  'csirts/certopedia-certs.json',
  'csirts/eu-csirts-network-members-from-cnw-advisories.csv',
];

describeWithSharedData('directory:import, the command-line tool, on the shared reference data', () => {
  const temporary: string[] = [];
  const tempDir = (kind: 'data' | 'layout') => {
    const dir = kind === 'data' ? newDataDir() : mkdtempSync(path.join(tmpdir(), 'dnscc-layout-'));
    temporary.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });

  describe('run twice on the same data directory', () => {
    let dataDir: string;
    let token: string;
    let first: ImportSummary;
    let afterFirst: Awaited<ReturnType<typeof directorySnapshot>>;
    beforeAll(() => {
      dataDir = tempDir('data');
      token = bootstrapDataDir(dataDir);
    });

    /** The directory as a server started on the data directory answers it, the server stopped again. */
    const snapshot = async () => {
      const server = await DnsccServer.start({ dataDir });
      try {
        return await directorySnapshot(server.client(token));
      } finally {
        await server.stop();
      }
    };

    it('imports the organisations, reporting progress on stderr and rejected rows by file and line', async () => {
      const run = runDirectoryImport(dataDir, sharedDataPath());
      expect({ status: run.status, stderr: run.stderr.slice(-2000) }).toMatchObject({ status: 0 });
      first = parseImportSummary(run.stdout);
      expect(first.created).toBeGreaterThan(3000);
      expect(first).toMatchObject({ updated: 0, unchanged: 0 });
      expect(first.events).toBeGreaterThanOrEqual(first.created);
      expect(first.rejected).toBeGreaterThan(0);
      expect(first.rejectedLines).toHaveLength(first.rejected);
      for (const line of first.rejectedLines) {
        expect(line).toMatch(/^(tld-registry|registrars|csirts)\/[\w.-]+\.(csv|json):[1-9]\d*: \S/);
      }
      expect(run.stderr).toContain('[1/6] tld-registry/iana-root-zone-tlds.csv');
      expect(run.stderr).toMatch(/\[6\/6\] csirts\/\S+: \d+ records/);
      expect(run.stderr).toContain(`${first.created}/${first.created} organisations`);
      expect(run.stdout).not.toContain('[1/6]'); // progress stays off the summary

      afterFirst = await snapshot();
      expect(afterFirst.byKind['COORDINATION_CENTRE']).toBe(1);
      expect(afterFirst.total).toBe(first.created + 1);
      expect(afterFirst.byKind['REGISTRY']).toBeGreaterThan(0);
      expect(afterFirst.byKind['REGISTRAR']).toBeGreaterThan(1000);
      expect(afterFirst.byKind['CSIRT']).toBeGreaterThan(10);
      const [registry] = afterFirst.samples['registry for fr'] ?? [];
      expect(registry?.coverage.tlds).toContain('fr');
      expect(afterFirst.samples['registrar 292']).toMatchObject([
        { name: 'MarkMonitor Inc.', kind: 'REGISTRAR', coverage: { ianaId: 292 } },
      ]);
      expect(afterFirst.samples['CSIRT for DE']?.[0]?.coverage.countries).toContain('DE');
    });

    it('adds nothing when run again on the same files, leaving the directory identical', async () => {
      const run = runDirectoryImport(dataDir, sharedDataPath());
      expect({ status: run.status, stderr: run.stderr.slice(-2000) }).toMatchObject({ status: 0 });
      const second = parseImportSummary(run.stdout);
      expect(second).toMatchObject({ created: 0, updated: 0, unchanged: first.created, events: 0 });
      expect(run.stdout).toMatch(/^organisations: 0 created, 0 updated, \d+ unchanged$/m);
      expect(run.stdout).toMatch(/^events: +0$/m);
      expect(second.rejectedLines).toEqual(first.rejectedLines);
      expect(await snapshot()).toEqual(afterFirst);
    });
  });

  it('stops at a malformed file, naming the file and the line, and imports nothing', async () => {
    const layout = tempDir('layout');
    for (const folder of ['tld-registry', 'registrars', 'csirts']) {
      cpSync(sharedDataPath(folder), path.join(layout, folder), { recursive: true });
    }
    const csv = path.join(layout, 'tld-registry', 'iana-root-zone-tlds.csv');
    const lines = readFileSync(csv, 'utf8').split('\n');
    lines[2] = 'aarp,,gtld,generic,true,,,,"AARP, an unterminated sponsor,,,,,';
    writeFileSync(csv, lines.join('\n'));

    const dataDir = tempDir('data');
    const token = bootstrapDataDir(dataDir);
    const run = runDirectoryImport(dataDir, layout);
    expect(run.status).toBe(65);
    expect(run.stderr).toContain('tld-registry/iana-root-zone-tlds.csv');
    expect(run.stderr).toMatch(/\bline 3\b/);
    expect(run.stdout).not.toMatch(/created/);

    const server = await DnsccServer.start({ dataDir });
    try {
      const directory = await directorySnapshot(server.client(token));
      expect(directory.total).toBe(1);
      expect(directory.byKind).toEqual({
        COORDINATION_CENTRE: 1,
        CSIRT: 0,
        REGISTRY: 0,
        REGISTRAR: 0,
        HOSTING_PLATFORM: 0,
      });
    } finally {
      await server.stop();
    }
  });

  it('refuses a directory holding none of the known files, listing what it looked for', () => {
    const layout = tempDir('layout');
    writeFileSync(path.join(layout, 'README.txt'), 'not reference data\n');
    const run = runDirectoryImport(tempDir('data'), layout);
    expect(run.status).not.toBe(0);
    expect(run.status).not.toBeNull();
    expect(run.stderr).toContain('none of the known files');
    for (const file of KNOWN_FILES) expect(run.stderr).toContain(file);
    expect(run.stdout).toBe('');
  });
});
