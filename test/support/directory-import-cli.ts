import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { GraphqlClient } from './graphql-client';
import { ORGANISATIONS, type Organisation } from './directory-operations';

const IMPORT = path.resolve(__dirname, '../../dist/apps/worker/src/import-directory.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built `directory:import` tool, run as an operator would, on `dataDir`. */
export function runDirectoryImport(dataDir: string, from: string): CliRun {
  const result = spawnSync(process.execPath, [IMPORT, '--from', from], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 50_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface ImportSummary {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly events: number;
  readonly rejected: number;
  /** The indented lines under `rejected:`, e.g. `registrars/x.csv:41: email ...`. */
  readonly rejectedLines: readonly string[];
}

/** Reads the summary the tool prints on stdout; throws when a line is missing. */
export function parseImportSummary(stdout: string): ImportSummary {
  const number = (pattern: RegExp, group = 1): number => {
    const match = pattern.exec(stdout);
    if (!match) throw new Error(`no ${String(pattern)} in the summary:\n${stdout}`);
    return Number(match[group]);
  };
  const organisations = /^organisations: +(\d+) created, (\d+) updated, (\d+) unchanged$/m;
  const rejectedBlock = /^rejected: +\d+\n((?: {2}.*\n)*)/m.exec(stdout)?.[1] ?? '';
  return {
    created: number(organisations, 1),
    updated: number(organisations, 2),
    unchanged: number(organisations, 3),
    events: number(/^events: +(\d+)$/m),
    rejected: number(/^rejected: +(\d+)$/m),
    rejectedLines: rejectedBlock
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.trim()),
  };
}

const KINDS = ['COORDINATION_CENTRE', 'CSIRT', 'REGISTRY', 'REGISTRAR', 'HOSTING_PLATFORM'] as const;

interface Page {
  organisations: { totalCount: number; edges: { node: Organisation }[] };
}

/** What the directory holds, as seen through the API: counts by kind and a few sample organisations. */
export async function directorySnapshot(api: GraphqlClient): Promise<{
  total: number;
  byKind: Record<string, number>;
  samples: Record<string, Organisation[]>;
}> {
  const page = (filter: Record<string, unknown>) =>
    api.expectData<Page>(ORGANISATIONS, { filter, first: 10 }).then((data) => data.organisations);
  const byKind: Record<string, number> = {};
  for (const kind of KINDS) byKind[kind] = (await page({ kind: [kind] })).totalCount;
  const samples: Record<string, Organisation[]> = {};
  for (const [name, filter] of [
    ['registry for fr', { kind: ['REGISTRY'], tld: 'fr' }],
    ['registrar 292', { kind: ['REGISTRAR'], ianaId: 292 }],
    ['CSIRT for DE', { kind: ['CSIRT'], country: 'DE' }],
  ] as const) {
    samples[name] = (await page(filter)).edges.map((edge) => edge.node);
  }
  return { total: (await page({})).totalCount, byKind, samples };
}
