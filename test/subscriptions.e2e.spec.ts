import { DnsccServer } from './support/dnscc-server';
import { addMemberWithToken, registerOrganisation } from './support/directory-operations';
import { COMMENT, REPORT, aReport } from './support/incident-operations';
import { collect, subscriptionClient } from './support/subscription-client';

const ESCALATE = `mutation E($input: EscalateIncidentInput!) { escalateIncident(input: $input) { escalation { id } } }`;
const INBOX = 'subscription { myEscalationsChanged { id status party { organisationId name } } }';
const UPDATES = 'subscription U($id: ID!) { incidentUpdated(id: $id) { id version comments { text } } }';

interface InboxEvent {
  myEscalationsChanged: { id: string; status: string; party: { organisationId: string } };
}

/** Live inboxes and incident updates over graphql-ws, authenticated in connection_init. */
describe('GraphQL subscriptions over graphql-ws', () => {
  jest.setTimeout(60_000);
  let server: DnsccServer;

  beforeAll(async () => {
    server = await DnsccServer.start();
  });
  afterAll(() => server.dispose());

  it('refuses a connection without a valid token', async () => {
    const anonymous = collect(subscriptionClient(`${server.url}/graphql`, null), INBOX);
    const forged = collect(subscriptionClient(`${server.url}/graphql`, `dnscc_${'x'.repeat(43)}`), INBOX);
    await anonymous.until(() => anonymous.errors.length > 0);
    await forged.until(() => forged.errors.length > 0);
    expect(anonymous.results).toEqual([]);
    expect(forged.results).toEqual([]);
  });

  it("pushes each escalation to the addressed organisation's inbox, and only there", async () => {
    const api = server.client();
    const registrarA = await registerOrganisation(api, {
      kind: 'REGISTRAR',
      name: 'Inbox Registrar A',
      coverage: { ianaId: 70001 },
    });
    const registrarB = await registerOrganisation(api, {
      kind: 'REGISTRAR',
      name: 'Inbox Registrar B',
      coverage: { ianaId: 70002 },
    });
    const memberA = await addMemberWithToken(api, registrarA.id, 'Abuse desk A', false);
    const memberB = await addMemberWithToken(api, registrarB.id, 'Abuse desk B', false);
    const inboxA = collect<InboxEvent>(subscriptionClient(`${server.url}/graphql`, memberA.token), INBOX);
    const inboxB = collect<InboxEvent>(subscriptionClient(`${server.url}/graphql`, memberB.token), INBOX);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const { reportIncident } = await api.expectData<{ reportIncident: { incident: { id: string } } }>(
      REPORT,
      {
        input: aReport({ domains: ['inbox-test.example.com'] }),
      },
    );
    const { escalateIncident } = await api.expectData<{ escalateIncident: { escalation: { id: string } } }>(
      ESCALATE,
      {
        input: {
          incidentId: reportIncident.incident.id,
          organisationId: registrarA.id,
          requestType: 'TAKEDOWN',
        },
      },
    );
    const [pushed] = await inboxA.until((results) => results.length >= 1);
    expect(pushed?.myEscalationsChanged).toMatchObject({
      id: escalateIncident.escalation.id,
      status: 'OPEN',
      party: { organisationId: registrarA.id },
    });

    await server
      .client(memberA.token)
      .expectData(
        'mutation A($id: ID!) { acknowledgeEscalation(input: { escalationId: $id }) { escalation { status } } }',
        {
          id: escalateIncident.escalation.id,
        },
      );
    await inboxA.until((results) => results.some((r) => r.myEscalationsChanged.status === 'ACKNOWLEDGED'));
    expect(inboxB.results).toEqual([]);
    inboxA.dispose();
    inboxB.dispose();
  });

  it('pushes the incident each time its stream changes', async () => {
    const api = server.client();
    const { reportIncident } = await api.expectData<{
      reportIncident: { incident: { id: string; version: number } };
    }>(REPORT, {
      input: aReport({ domains: ['updates-test.example.com'] }),
    });
    const id = reportIncident.incident.id;
    const updates = collect<{
      incidentUpdated: { id: string; version: number; comments: { text: string }[] };
    }>(subscriptionClient(`${server.url}/graphql`, server.coordinatorToken), UPDATES, { id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await api.expectData(COMMENT, { input: { incidentId: id, text: 'watching this one' } });
    const results = await updates.until((r) => r.some((u) => u.incidentUpdated.comments.length === 1));
    expect(results.every((u) => u.incidentUpdated.id === id)).toBe(true);
    updates.dispose();
  });
});
