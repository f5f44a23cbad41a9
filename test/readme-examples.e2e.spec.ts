import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DnsccServer } from './support/dnscc-server';

/** Every GraphQL operation in the README's example session, in order, as a newcomer would paste them. */
function readmeOperations(): string[] {
  const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  // The block of one-line mutations holds several operations; the others are one each.
  // Subscriptions need a WebSocket; test/subscriptions.e2e.spec.ts runs those.
  return blocks
    .flatMap((block) =>
      block.split(/\n(?=mutation |query |subscription )/).map((operation) => operation.trim()),
    )
    .filter((operation) => !operation.startsWith('subscription'));
}

describe('the README example session', () => {
  let server: DnsccServer;

  beforeAll(async () => {
    server = await DnsccServer.start();
  });
  afterAll(() => server.dispose());

  it('runs every documented operation without errors', async () => {
    const api = server.client();
    const operations = readmeOperations();
    expect(operations.length).toBeGreaterThanOrEqual(14);
    const { me } = await api.expectData<{ me: { member: { organisationId: string } } }>(
      '{ me { member { organisationId } } }',
    );
    // Placeholders the README asks the reader to fill in, from earlier answers as a reader would.
    const ids: Record<string, string> = {
      '<org>': me.member.organisationId,
      '<time>': new Date().toISOString(),
    };
    const [report, ...rest] = operations;
    const created = await api.expectData<{ reportIncident: { incident: { id: string } } }>(report ?? '');
    ids['<id>'] = created.reportIncident.incident.id;
    ids['<time>'] = new Date().toISOString();
    for (const operation of rest) {
      const filled = Object.entries(ids).reduce(
        (text, [key, value]) => text.replaceAll(key, value),
        operation,
      );
      const data = await api.expectData<{
        addMember?: { member: { id: string } };
        issueApiToken?: { apiToken: { id: string } };
      }>(filled);
      if (data.addMember) ids['<member>'] = data.addMember.member.id;
      if (data.issueApiToken) ids['<token-id>'] = data.issueApiToken.apiToken.id;
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
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${server.coordinatorToken ?? ''}`,
      },
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
