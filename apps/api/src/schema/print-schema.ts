import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { loadConfig } from '@app/core';
import { createApiApplication } from '../main';

/** The SDL the code-first resolvers produce, from an app booted on a throw-away data directory. */
export async function printCurrentSchema(): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dnscc-schema-'));
  const app = await createApiApplication(
    loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ROLE: 'api' }),
    null,
  );
  try {
    await app.init();
    const { schema } = app.get(GraphQLSchemaHost);
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const SCHEMA_FILE = path.resolve(__dirname, '../../../../..', 'schema.gql');
