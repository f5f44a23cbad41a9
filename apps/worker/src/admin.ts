import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { CoordinationCentreBootstrap } from '@app/access';
import { ConfigError, DomainError, loadConfig } from '@app/core';
import { createToolsContext } from './tools-app.module';

const USAGE = `Usage: npm run -s admin -- bootstrap [--centre NAME] [--coordinator NAME] [--email ADDRESS]

bootstrap   on an empty data directory, creates the coordination centre organisation and its
            first coordinator (an admin), and prints that coordinator's API token on stdout.
            Everything else goes to stderr, so  TOKEN=$(npm run -s admin -- bootstrap)  works.`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      centre: { type: 'string', default: 'dnscc coordination centre' },
      coordinator: { type: 'string', default: 'First coordinator' },
      email: { type: 'string', default: 'coordinator@dnscc.invalid' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals[0] !== 'bootstrap' || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 64;
  }
  const config = loadConfig();
  const context = await createToolsContext(config);
  try {
    const result = await context.get(CoordinationCentreBootstrap).bootstrap({
      centre: values.centre,
      coordinator: values.coordinator,
      email: values.email,
    });
    process.stderr.write(
      `Created the coordination centre ${result.organisationId} and coordinator ${result.memberId} in ${config.DATA_DIR}.\n` +
        'The token below is shown once; send it as  Authorization: Bearer <token>\n',
    );
    process.stdout.write(`${result.token}\n`);
    return 0;
  } finally {
    await context.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof DomainError || error instanceof ConfigError;
    process.stderr.write(
      `admin: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(error instanceof ConfigError ? 78 : 1);
  },
);
