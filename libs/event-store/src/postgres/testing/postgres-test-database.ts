import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';
import { answers, testCluster } from './postgres-test-cluster';

export interface TestDatabase {
  /** Connection string of a fresh, empty database. */
  readonly url: string;
  /** Drops the database, disconnecting whoever is still connected to it. */
  drop(): Promise<void>;
}

/** A local server with trust authentication (Debian's cluster configured so, or a developer's). */
const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

let server: Promise<string> | undefined;

/**
 * A fresh database for a test suite, on the first PostgreSQL server found: `DNSCC_TEST_POSTGRES_URL` if
 * set (an admin URL: it must be allowed to create databases), else 127.0.0.1:5432 as `postgres` if it
 * answers without a password, else a throwaway cluster started once per process from the installed
 * binaries. Every call creates its own uniquely named database, so suites in parallel never meet.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  server ??= findServer();
  const adminUrl = await server;
  const name = `dnscc_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await asAdmin(adminUrl, `CREATE DATABASE ${escapeIdentifier(name)}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    drop: () =>
      (dropped ??= asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`)),
  };
}

async function findServer(): Promise<string> {
  const configured = process.env.DNSCC_TEST_POSTGRES_URL;
  if (configured !== undefined && configured !== '') return configured;
  if (await answers(LOCAL_SERVER_URL, 1_000)) return LOCAL_SERVER_URL;
  return testCluster();
}

async function asAdmin(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(statement);
  } finally {
    await client.end().catch(() => undefined);
  }
}
