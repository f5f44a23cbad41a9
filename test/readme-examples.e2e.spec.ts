import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DnsccServer } from './support/dnscc-server';
import { GraphqlClient } from './support/graphql-client';

/** Every GraphQL operation in the README's example session, in order, as a newcomer would paste them. */
function readmeOperations(): string[] {
  const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  // The block of one-line mutations holds several operations; the others are one each.
  return blocks.flatMap((block) =>
    block.split(/\n(?=mutation |query )/).map((operation) => operation.trim()),
  );
}

describe('the README example session', () => {
  let server: DnsccServer;

  beforeAll(async () => {
    server = await DnsccServer.start();
  });
  afterAll(() => server.dispose());

  it('runs every documented operation without errors', async () => {
    const api = new GraphqlClient(`${server.url}/graphql`);
    const operations = readmeOperations();
    expect(operations.length).toBeGreaterThanOrEqual(8);
    const [report, ...rest] = operations;
    const created = await api.expectData<{ reportIncident: { incident: { id: string } } }>(report ?? '');
    const id = created.reportIncident.incident.id;
    for (const operation of rest) {
      await api.expectData(operation.replaceAll('<id>', id).replaceAll('<time>', new Date().toISOString()));
    }
    const retried = await api.expectData<{ reportIncident: { replayed: boolean } }>(report ?? '');
    expect(retried.reportIncident.replayed).toBe(true);
  });

  it('answers the curl example', async () => {
    const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
    const body = /-d '(\{"query".*\})'/.exec(readme)?.[1];
    expect(body).toBeDefined();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body ?? '',
    });
    const json = (await response.json()) as {
      data?: { incidents: { totalCount: number } };
      errors?: unknown;
    };
    expect(json.errors).toBeUndefined();
    expect(json.data?.incidents.totalCount).toBeGreaterThanOrEqual(0);
  });
});
