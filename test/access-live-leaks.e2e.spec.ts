import type { AccessWorld } from './support/access-fixture';
import {
  type HiddenIncident,
  type LeakWorld,
  type Outsider,
  startLeakWorld,
} from './support/access-leak-world';
import { codesOf } from './support/access-subscriptions';
import { ISSUE_TOKEN, REVOKE_TOKEN } from './support/directory-operations';
import { COMMENT } from './support/incident-operations';
import { ESCALATE } from './support/sla-operations';
import { collect, subscriptionClient } from './support/subscription-client';

jest.setTimeout(120_000);

const UPDATES = 'subscription U($id: ID!) { incidentUpdated(id: $id) { id comments { text } } }';
const INBOX = 'subscription { myEscalationsChanged { id incidentId status } }';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What reaches a client over graphql-ws, and how long a token works: nothing of an invisible
 * incident is pushed, and a revoked token stops at once.
 */
describe('access leaks over subscriptions and revoked tokens', () => {
  let leak: LeakWorld;
  let world: AccessWorld;
  let outsiders: readonly Outsider[];
  let hidden: readonly HiddenIncident[];
  let clearId: string;
  const ws = () => `${world.server.url}/graphql`;

  beforeAll(async () => {
    leak = await startLeakWorld();
    ({ world, outsiders, hidden, clearId } = leak);
  });
  afterAll(() => leak.world.server.dispose());

  it('pushes nothing of an invisible incident to any subscription', async () => {
    const watchers = outsiders.map(({ name, token }) => {
      const client = subscriptionClient(ws(), token);
      return {
        name,
        client,
        updates: hidden.map((h) => collect(client, UPDATES, { id: h.id })),
        control: collect<{ incidentUpdated: { id: string } }>(client, UPDATES, { id: clearId }),
        inbox: collect(client, INBOX),
      };
    });
    await sleep(750);
    for (const { id } of hidden) {
      await world.actors.reporter.client.expectData(COMMENT, {
        input: { incidentId: id, text: 'secret note' },
      });
      await world.coordinator.expectData(ESCALATE, {
        input: {
          incidentId: id,
          organisationId: world.targets.coordinator.escalate,
          requestType: 'TAKEDOWN',
        },
      });
    }
    await world.actors.reporter.client.expectData(COMMENT, {
      input: { incidentId: clearId, text: 'public note' },
    });
    for (const watcher of watchers) await watcher.control.until((results) => results.length > 0);
    await sleep(500);
    for (const { name, client, updates, control, inbox } of watchers) {
      for (const [i, subscription] of updates.entries()) {
        const id = hidden[i]!.id;
        expect({ name, results: subscription.results }).toEqual({ name, results: [] });
        const messages = (subscription.errors.flat() as { message?: string }[]).map((e) => e.message);
        expect({ name, messages }).toEqual({ name, messages: [`Incident ${id} was not found`] });
      }
      expect({ name, inbox: inbox.results, errors: inbox.errors }).toEqual({ name, inbox: [], errors: [] });
      expect(JSON.stringify(control.results)).not.toContain('secret note');
      [...updates, control, inbox].forEach((s) => {
        s.dispose();
      });
      await client.dispose();
    }
  });

  it('gives subscription errors an extensions.code, as over HTTP (NOT_FOUND for an invisible incident)', async () => {
    const client = subscriptionClient(ws(), outsiders[0]!.token);
    const updates = collect(client, UPDATES, { id: hidden[0]!.id });
    await updates.until(() => updates.errors.length > 0);
    updates.dispose();
    await client.dispose();
    expect(codesOf(updates.errors)).toEqual(['NOT_FOUND']);
  });

  it('stops a revoked token at once: the very next request is 401 UNAUTHENTICATED', async () => {
    const memberId = world.actors.verified.viewer.memberId;
    const { issueApiToken } = await world.coordinator.expectData<{
      issueApiToken: { token: string; apiToken: { id: string } };
    }>(ISSUE_TOKEN, { input: { memberId, label: 'soon revoked' } });
    const client = world.server.client(issueApiToken.token);
    const query = 'query { incidents(first: 1) { totalCount } }';
    expect((await client.request(query)).status).toBe(200);
    await world.coordinator.expectData(REVOKE_TOKEN, { input: { tokenId: issueApiToken.apiToken.id } });
    const next = await client.request(query);
    expect({ status: next.status, data: next.data, code: next.errors[0]?.extensions?.code }).toEqual({
      status: 401,
      data: null,
      code: 'UNAUTHENTICATED',
    });
    const refused = collect(subscriptionClient(ws(), issueApiToken.token), UPDATES, { id: clearId });
    await refused.until(() => refused.errors.length > 0);
    expect(refused.results).toEqual([]);
  });

  it('stops the open subscriptions of a revoked token at once', async () => {
    const { issueApiToken } = await world.coordinator.expectData<{
      issueApiToken: { token: string; apiToken: { id: string } };
    }>(ISSUE_TOKEN, { input: { memberId: world.actors.verified.viewer.memberId, label: 'watching' } });
    const client = subscriptionClient(ws(), issueApiToken.token);
    const updates = collect<{ incidentUpdated: { comments: { text: string }[] } }>(client, UPDATES, {
      id: clearId,
    });
    await sleep(750);
    const comment = (text: string) =>
      world.actors.reporter.client.expectData(COMMENT, { input: { incidentId: clearId, text } });
    await comment('before revocation');
    await updates.until((results) => results.length > 0);
    await world.coordinator.expectData(REVOKE_TOKEN, { input: { tokenId: issueApiToken.apiToken.id } });
    const received = updates.results.length;
    await comment('after revocation');
    await sleep(1_000);
    updates.dispose();
    await client.dispose();
    expect(JSON.stringify(updates.results.slice(received))).not.toContain('after revocation');
  });
});
