import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { printCurrentSchema, SCHEMA_FILE } from './print-schema';

/** `npm run schema:check` fails when schema.gql differs from the code; `npm run schema:write` updates it. */
async function main(): Promise<void> {
  const current = await printCurrentSchema();
  if (process.argv.includes('--write')) {
    writeFileSync(SCHEMA_FILE, current);
    process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
    return;
  }
  const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (committed !== current) {
    process.stderr.write(
      'schema.gql is out of date with the resolvers: run `npm run schema:write` and commit it.\n',
    );
    process.exit(1);
  }
  process.stdout.write('schema.gql is current\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
