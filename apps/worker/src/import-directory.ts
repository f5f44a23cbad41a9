import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { ConfigError, DomainError, loadConfig } from '@app/core';
import { DirectoryImportService, type DirectoryImportSummary, loadReferenceData } from '@app/directory';
import { createToolsContext } from './tools-app.module';

const USAGE = `Usage: npm run directory:import -- --from <directory-or-url>

Loads the IANA root zone database, the IANA registrar id list, registry and registrar abuse
contacts and the national CSIRT list from <directory-or-url> (files laid out as tld-registry/,
registrars/, csirts/) into the directory. Re-running it adds only what changed.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help || values.from === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 64;
  }
  const config = loadConfig();
  const data = await loadReferenceData(values.from, (p) => {
    const state = p.found ? `${p.records} records, ${p.rejections} rejected` : 'not found, skipped';
    process.stderr.write(`[${p.done}/${p.total}] ${p.file}: ${state}\n`);
  });
  const context = await createToolsContext(config);
  try {
    const bar = new SingleBar(
      {
        format: 'import [{bar}] {percentage}% | {value}/{total} organisations | eta {eta}s',
        stream: process.stderr,
        noTTYOutput: true,
        notTTYSchedule: 1000,
      },
      Presets.shades_classic,
    );
    bar.start(1, 0);
    const summary = await context.get(DirectoryImportService).run(data, (done, total) => {
      bar.setTotal(total);
      bar.update(done);
    });
    bar.stop();
    process.stdout.write(formatSummary(summary));
    return 0;
  } finally {
    await context.close();
  }
}

function formatSummary(summary: DirectoryImportSummary): string {
  const { organisations: o, tlds: t } = summary;
  const lines = [
    `organisations: ${o.created} created, ${o.updated} updated, ${o.unchanged} unchanged`,
    `TLDs:          ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.withdrawn} withdrawn`,
    `events:        ${summary.events}`,
    `rejected:      ${summary.rejected.length}`,
    ...summary.rejected.map((r) => `  ${r.file}${r.line > 0 ? `:${r.line}` : ''}: ${r.reason}`),
    `skipped:       ${[...summary.skipped.values()].reduce((a, b) => a + b, 0)}`,
    ...[...summary.skipped].map(([reason, count]) => `  ${count} ${reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof DomainError || error instanceof ConfigError;
    process.stderr.write(
      `directory:import: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(error instanceof ConfigError ? 78 : known ? 65 : 1);
  },
);
