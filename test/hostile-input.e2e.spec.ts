import type fc from 'fast-check';
import { DnsccServer } from './support/dnscc-server';
import { authentication } from './support/hostile-auth-targets';
import { directoryReads, registerOrganisation } from './support/hostile-directory-targets';
import { organisationChanges } from './support/hostile-organisation-changes';
import { access, escalations } from './support/hostile-escalation-targets';
import { documents } from './support/hostile-document-targets';
import { batchOf, type FollowUp, FUZZ, HostileHarness } from './support/hostile-harness';
import { rawHttp } from './support/hostile-http-targets';
import { keyedReport, retryByKey } from './support/hostile-idempotency';
import {
  attachEvidence,
  incidentChanges,
  incidentLists,
  incidentReads,
  reportIncident,
  validateIncidentReport,
} from './support/hostile-incident-targets';
import { violationsOf } from './support/hostile-oracle';
import { HostileRequest } from './support/hostile-request';
import type { HostileFixtures } from './support/hostile-targets';
import { createHostileFixtures } from './support/hostile-fixtures';

/**
 * Thousands of generated hostile requests against one real server (ROLE=all: the worker routes
 * accepted reports meanwhile). For every request: HTTP status below 500, every error typed with a
 * known code, no internals in any message; for every batch whose requests were all refused:
 * nothing stored. Replay a failure with the seed and path fast-check prints:
 *   HOSTILE_SEED=<seed> HOSTILE_PATH=<path> npx jest test/hostile-input -t '<target>'
 * HOSTILE_RUNS_SCALE=0.1 runs a tenth of the cases.
 */
describe('hostile input to the GraphQL API', () => {
  let server: DnsccServer;
  let harness: HostileHarness;
  let fixtures: HostileFixtures;
  const summary: string[] = [];

  beforeAll(async () => {
    server = await DnsccServer.start({
      env: { RATE_LIMIT_PER_MINUTE: '0', BODY_LIMIT_BYTES: '262144', EVIDENCE_CONTENT_MAX_BYTES: '4096' },
    });
    const created = await createHostileFixtures(server);
    fixtures = created.fixtures;
    harness = new HostileHarness(server, {
      coordinator: created.fixtures.coordinatorToken,
      csirt: created.csirtToken,
    });
    for (const id of fixtures.incidentIds) harness.touch(id);
    expect(await harness.settle()).toEqual([]);
  }, 60_000);

  afterAll(async () => {
    process.stdout.write(
      `hostile-input (seed ${FUZZ.seed}): ${harness.requestsSent} requests\n  ${summary.join('\n  ')}\n`,
    );
    // SIGKILL first: a server still busy with a hostile document would answer SIGTERM only after it.
    await server.kill9();
    await server.dispose();
  }, 60_000);

  interface Target {
    readonly name: string;
    readonly runs: number;
    /** Largest number of requests sent at once. */
    readonly batch: number;
    readonly requests: () => fc.Arbitrary<HostileRequest>;
    readonly followUp?: FollowUp;
  }
  const targets: Target[] = [
    { name: 'reportIncident', runs: 700, batch: 3, requests: reportIncident },
    {
      name: 'reportIncident retried with its idempotency key',
      runs: 200,
      batch: 1,
      requests: keyedReport,
      followUp: retryByKey,
    },
    { name: 'validateIncidentReport', runs: 500, batch: 3, requests: validateIncidentReport },
    {
      name: 'incident, incidentAsOf, evidenceContent',
      runs: 500,
      batch: 3,
      requests: () => incidentReads(fixtures),
    },
    { name: 'incidents(filter, first, after)', runs: 500, batch: 3, requests: () => incidentLists(fixtures) },
    {
      name: 'triage, comment, addIncidentDomain, resolve, reopen, reroute, share',
      runs: 700,
      batch: 3,
      requests: () => incidentChanges(fixtures),
    },
    { name: 'attachEvidence', runs: 400, batch: 3, requests: () => attachEvidence(fixtures) },
    { name: 'registerOrganisation', runs: 500, batch: 3, requests: registerOrganisation },
    {
      name: 'updateOrganisation, contacts, verification, SLA terms',
      runs: 700,
      batch: 3,
      requests: () => organisationChanges(fixtures),
    },
    {
      name: 'organisation(s), route, members, apiTokens, myEscalations',
      runs: 500,
      batch: 3,
      requests: () => directoryReads(fixtures),
    },
    { name: 'escalations and their answers', runs: 500, batch: 3, requests: () => escalations(fixtures) },
    {
      name: 'addMember, issueApiToken, revokeApiToken',
      runs: 400,
      batch: 3,
      requests: () => access(fixtures),
    },
    {
      name: 'Authorization headers',
      runs: 400,
      batch: 3,
      requests: () => authentication(fixtures.coordinatorToken),
    },
    {
      name: 'raw HTTP: bodies, content types, methods, query strings',
      runs: 600,
      batch: 3,
      requests: rawHttp,
    },
    { name: 'GraphQL documents', runs: 500, batch: 3, requests: documents },
  ];

  it.each(targets)(
    '$name: no 5xx, every error typed, nothing stored when refused',
    async ({ name, runs, batch, requests, followUp }) => {
      const started = Date.now();
      try {
        await harness.assert(batchOf(requests(), batch), runs, followUp);
      } finally {
        const sent = harness.sent[harness.sent.length - 1];
        summary.push(
          `${name}: ${runs} runs, ${sent?.requests ?? 0} requests, ${sent?.refused ?? 0} of ` +
            `${sent?.batches ?? 0} batches checked for "nothing stored", ${Math.round((Date.now() - started) / 1000)} s`,
        );
      }
    },
    300_000,
  );

  /**
   * The smallest counterexamples the properties found, kept as plain cases until the product is
   * fixed (each is also reachable by the raw HTTP or documents property). Last, because the fragment
   * chain keeps the server busy for a while after its request gave up.
   */
  describe('minimal counterexamples', () => {
    const post = (label: string, body: string, contentType = 'application/json'): HostileRequest =>
      new HostileRequest(label, 'POST', '/graphql', { 'content-type': contentType }, body);
    /** The answer must meet the oracle; a failure shows the answer beside what is wrong with it. */
    const expectTyped = async (request: HostileRequest): Promise<void> => {
      const exchange = await harness.send(request);
      expect({ answer: exchange.text.slice(0, 300), violations: violationsOf(exchange) }).toMatchObject({
        violations: [],
      });
    };

    it.each([
      ['a number', '5'],
      ['an empty object', '{}'],
      ['a string', '"x"'],
      [
        'an AST without a selection set',
        '{"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query"}]}',
      ],
    ])('a query that is not GraphQL but is JSON (%s) is a typed syntax error', async (_what, query) => {
      await expectTyped(post('JSON as the query', JSON.stringify({ query })));
    });

    it('an application/graphql body that is JSON is a typed syntax error', async () => {
      await expectTyped(post('JSON as application/graphql', '"x"', 'application/graphql'));
    });

    it.each([
      ['an operationName the document lacks', { query: '{ me { tokenId } }', operationName: 'x' }],
      [
        'two operations and no operationName',
        { query: 'query A { me { tokenId } } query B { me { tokenId } }' },
      ],
    ])('GraphQL over GET with %s is a typed error', async (_what, params) => {
      const query = new URLSearchParams(params).toString();
      await expectTyped(new HostileRequest('GET', 'GET', `/graphql?${query}`, {}, undefined));
    });

    it('a subscription sent over HTTP is a typed refusal', async () => {
      await expectTyped(
        post(
          'subscription over POST',
          JSON.stringify({ query: 'subscription { myEscalationsChanged { id } }' }),
        ),
      );
    });

    it('a document nested 10 000 levels deep is refused without the runtime error', async () => {
      const query = `{ incident(id: ${'['.repeat(10_000)}"x"${']'.repeat(10_000)}) { id } }`;
      await expectTyped(post('deep list literal', JSON.stringify({ query })));
    });

    it('a chain of 23 fragments, each spreading the next twice, is answered while the server stays live', async () => {
      const fragments = Array.from(
        { length: 23 },
        (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
      );
      const query = `${fragments.join(' ')} fragment F23 on Query { me { tokenId } } { ...F0 }`;
      await expectTyped(post('fragment chain', JSON.stringify({ query })));
    }, 60_000);
  });
});
