import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { CoordinationCentreBootstrap } from '@app/access';
import { loadConfig, normaliseDomain } from '@app/core';
import {
  DirectoryImportService,
  DomainRouter,
  loadReferenceData,
  type RoutingDecision,
} from '@app/directory';
import { createToolsContext } from '../apps/worker/src/tools-app.module';
import { describeWithSharedData, sharedDataPath, SHARED_DATA_DIR } from './support/shared-data';

interface OracleRow {
  readonly hostname: string;
  readonly private_suffix: string;
  readonly tld_type: string;
  readonly registry_sponsor: string;
  readonly icann_registry_operator: string;
  readonly cctld_country: string;
}

/**
 * The acceptance check of routing without RDAP: the 684 real domains of routing/oracle.csv, after
 * importing ../shared/data, go to the expected registry operator, TLD type and ccTLD country for at
 * least 99% of rows, and every private-suffix row goes to the platform first.
 */
describeWithSharedData('routing the oracle domains after importing the reference data (RDAP off)', () => {
  jest.setTimeout(120_000);
  let dataDir: string;
  let context: INestApplicationContext;
  const rows = (): OracleRow[] =>
    parse<OracleRow>(readFileSync(sharedDataPath('routing', 'oracle.csv'), 'utf8'), { columns: true });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'dnscc-oracle-'));
    context = await createToolsContext(
      loadConfig({ DATA_DIR: dataDir, RDAP_ENABLED: 'false', LOG_LEVEL: 'silent' }),
    );
    await context
      .get(CoordinationCentreBootstrap)
      .bootstrap({ centre: 'dnscc', coordinator: 'c', email: 'c@dnscc.invalid' });
    await context.get(DirectoryImportService).run(await loadReferenceData(SHARED_DATA_DIR));
  });
  afterAll(async () => {
    await context.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names the registry operator, TLD type and country of at least 99% of rows', async () => {
    const router = context.get(DomainRouter);
    const all = rows();
    expect(all.length).toBe(684);
    const mismatches: string[] = [];
    for (const row of all) {
      const decision = await router.route(normaliseDomain(row.hostname), 'PHISHING');
      const problems = compare(row, decision);
      if (problems.length > 0) mismatches.push(`${row.hostname}: ${problems.join('; ')}`);
    }
    if (mismatches.length > 0)
      process.stderr.write(`oracle mismatches (${mismatches.length}):\n  ${mismatches.join('\n  ')}\n`);
    expect(mismatches.length / all.length).toBeLessThanOrEqual(0.01);
  });

  it('sends every private-suffix row to the platform first, and says no directory entry covers it', async () => {
    const router = context.get(DomainRouter);
    const privateRows = rows().filter((row) => row.private_suffix !== '');
    expect(privateRows.length).toBeGreaterThan(30);
    for (const row of privateRows) {
      const decision = await router.route(normaliseDomain(row.hostname), 'PHISHING');
      expect({ host: row.hostname, first: decision.chain[0]?.role }).toEqual({
        host: row.hostname,
        first: 'PLATFORM',
      });
      expect(decision.platform?.name).toContain(row.private_suffix);
    }
  });

  it('reports the registrar as unknown because RDAP is off, and ends every chain with the centre', async () => {
    const decision = await context.get(DomainRouter).route(normaliseDomain('github.com'), 'MALWARE');
    expect(decision.registrar).toBeNull();
    expect(decision.unknowns.find((u) => u.role === 'REGISTRAR')?.reason).toMatch(/RDAP/);
    expect(decision.chain.at(-1)?.role).toBe('COORDINATION_CENTRE');
    expect(decision.registry?.evidence[0]?.source).toMatch(/IANA Root Zone Database/);
  });
});

function compare(row: OracleRow, decision: RoutingDecision): string[] {
  const problems: string[] = [];
  const operator = row.icann_registry_operator || row.registry_sponsor;
  if (decision.registry?.name !== operator) {
    problems.push(`registry ${JSON.stringify(decision.registry?.name)} != ${JSON.stringify(operator)}`);
  }
  const isCc = decision.tldType === 'COUNTRY_CODE';
  if (isCc !== (row.tld_type === 'cctld'))
    problems.push(`TLD type ${String(decision.tldType)} != ${row.tld_type}`);
  if ((decision.country ?? '') !== row.cctld_country) {
    problems.push(`country ${String(decision.country)} != ${row.cctld_country || 'none'}`);
  }
  return problems;
}
