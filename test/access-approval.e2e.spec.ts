import { type AccessWorld, settled, startAccessWorld } from './support/access-fixture';
import {
  answerTo,
  type InboxEntry,
  inboxOf,
  INCIDENT_PROBES,
  UNKNOWN_ESCALATION_ID,
} from './support/access-leaks';
import { UNKNOWN_INCIDENT_ID } from './support/access-subscriptions';
import type { GraphqlClient } from './support/graphql-client';
import { REPORT } from './support/incident-operations';
import { ACKNOWLEDGE, ESCALATE, type Escalation, ESCALATION_FIELDS } from './support/sla-operations';
import { collect, subscriptionClient } from './support/subscription-client';

jest.setTimeout(120_000);

const INBOX = 'subscription { myEscalationsChanged { id incidentId status } }';
const APPROVE = `mutation A($input: EscalationRefInput!) { approveEscalation(input: $input) { escalation { ${ESCALATION_FIELDS} reporterVerifiedCsirt } } }`;
const ESCALATE_WITH_TRUST = ESCALATE.replace('escalation {', 'escalation { reporterVerifiedCsirt');

type Sent = Escalation & { reporterVerifiedCsirt: boolean };

/**
 * Registrars must tell a real CSIRT from a victim: a request from an unverified organisation waits
 * for a coordinator's approval, during which the registrar neither sees it nor the incident and no
 * clock runs; a verified CSIRT's request is open at once and says so.
 */
describe('escalation approval and the reporter trust signal over HTTP', () => {
  let world: AccessWorld;
  const inboxEvents = () =>
    collect<{ myEscalationsChanged: { id: string; status: string } }>(
      subscriptionClient(`${world.server.url}/graphql`, world.actors.registrar.token),
      INBOX,
    );
  let inbox: ReturnType<typeof inboxEvents>;
  let pending: { incidentId: string; escalation: Sent };

  beforeAll(async () => {
    world = { ...(await startAccessWorld()), incidents: [] };
    inbox = inboxEvents();
    await new Promise((resolve) => setTimeout(resolve, 750));
  });
  afterAll(async () => {
    inbox.dispose();
    await world.server.dispose();
  });

  async function reportAndEscalate(
    client: GraphqlClient,
    label: string,
  ): Promise<{ incidentId: string; escalation: Sent }> {
    const { reportIncident } = await client.expectData<{ reportIncident: { incident: { id: string } } }>(
      REPORT,
      {
        input: {
          domains: [`${label}-${world.run}.com`],
          urls: [],
          category: 'PHISHING',
          description: `Escalated by a ${label} CSIRT`,
          tlp: 'AMBER',
          contact: 'analyst@csirt.example',
        },
      },
    );
    const incidentId = reportIncident.incident.id;
    await settled(world.coordinator, incidentId);
    const { escalateIncident } = await client.expectData<{ escalateIncident: { escalation: Sent } }>(
      ESCALATE_WITH_TRUST,
      {
        input: {
          incidentId,
          organisationId: world.actors.registrar.viewer.organisationId,
          requestType: 'TAKEDOWN',
        },
      },
    );
    return { incidentId, escalation: escalateIncident.escalation };
  }

  const ids = (entries: readonly InboxEntry[]) => entries.map((e) => e.id);

  it("holds an unverified CSIRT's request to a registrar as PENDING_APPROVAL, with no clock running", async () => {
    pending = await reportAndEscalate(world.actors.unverified.client, 'unverified');
    expect(pending.escalation).toMatchObject({ status: 'PENDING_APPROVAL', reporterVerifiedCsirt: false });
    expect(pending.escalation.clocks.filter((c) => c.state === 'RUNNING')).toEqual([]);
  });

  it("keeps the pending request out of the registrar's myEscalations, by default", async () => {
    expect(ids((await inboxOf(world.actors.registrar.client)).entries)).not.toContain(pending.escalation.id);
  });

  it("keeps the pending request out of the registrar's myEscalations, even when asked for every status", async () => {
    const all = await inboxOf(world.actors.registrar.client, true);
    expect(all.entries.filter((e) => e.id === pending.escalation.id)).toEqual([]);
  });

  it('keeps the incident of the pending request invisible to the registrar, as if it did not exist', async () => {
    const registrar = world.actors.registrar.client;
    for (const probe of INCIDENT_PROBES) {
      expect({ probe: probe.name, answer: await answerTo(registrar, probe, pending.incidentId) }).toEqual({
        probe: probe.name,
        answer: await answerTo(registrar, probe, UNKNOWN_INCIDENT_ID),
      });
    }
    const { incidents } = await registrar.expectData<{ incidents: { totalCount: number } }>(
      'query L($d: String) { incidents(filter: { domain: $d }) { totalCount } }',
      { d: `unverified-${world.run}.com` },
    );
    expect(incidents.totalCount).toBe(0);
  });

  it("pushes nothing of the pending request to the registrar's live inbox", async () => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.results.map((r) => r.myEscalationsChanged.id)).not.toContain(pending.escalation.id);
  });

  it('refuses the registrar an acknowledgement of the pending request as if it did not exist', async () => {
    const probe = {
      name: 'acknowledge',
      query: ACKNOWLEDGE,
      variables: (escalationId: string) => ({ input: { escalationId } }),
    };
    const registrar = world.actors.registrar.client;
    const answer = await answerTo(registrar, probe, pending.escalation.id);
    const status = async () =>
      (
        await world.coordinator.expectData<{ incident: { escalations: { status: string }[] } }>(
          'query S($id: ID!) { incident(id: $id) { escalations { status } } }',
          { id: pending.incidentId },
        )
      ).incident.escalations[0]?.status;
    expect(await status()).toBe('PENDING_APPROVAL');
    expect(answer).toEqual(await answerTo(registrar, probe, UNKNOWN_ESCALATION_ID));
  });

  it('lets the registrar see and answer the request once a coordinator approves it; its clocks run from then', async () => {
    const approvedAt = Date.now();
    const { approveEscalation } = await world.coordinator.expectData<{
      approveEscalation: { escalation: Sent };
    }>(APPROVE, { input: { escalationId: pending.escalation.id } });
    expect(approveEscalation.escalation).toMatchObject({ status: 'OPEN', reporterVerifiedCsirt: false });
    const registrar = world.actors.registrar.client;
    const { incident } = await registrar.expectData<{ incident: { id: string } }>(
      'query I($id: ID!) { incident(id: $id) { id } }',
      { id: pending.incidentId },
    );
    expect(incident.id).toBe(pending.incidentId);
    const entry = (await inboxOf(registrar)).entries.find((e) => e.id === pending.escalation.id);
    expect(entry).toMatchObject({
      status: 'OPEN',
      reporterVerifiedCsirt: false,
      incidentId: pending.incidentId,
    });
    expect(entry?.clocks.map((c) => c.state)).toContain('RUNNING');
    for (const clock of entry?.clocks ?? []) {
      expect(Date.parse(clock.startedAt)).toBeGreaterThanOrEqual(approvedAt - 1_000);
    }
    await inbox.until((results) => results.some((r) => r.myEscalationsChanged.id === pending.escalation.id));
    const acknowledged = await registrar.expectData<{
      acknowledgeEscalation: { escalation: { status: string } };
    }>(ACKNOWLEDGE, { input: { escalationId: pending.escalation.id } });
    expect(acknowledged.acknowledgeEscalation.escalation.status).toBe('ACKNOWLEDGED');
  });

  it("opens a verified CSIRT's request at once, flagged reporterVerifiedCsirt", async () => {
    const sent = await reportAndEscalate(world.actors.verified.client, 'verified');
    expect(sent.escalation).toMatchObject({ status: 'OPEN', reporterVerifiedCsirt: true });
    expect(sent.escalation.clocks.map((c) => c.state)).toContain('RUNNING');
    const registrar = world.actors.registrar.client;
    const entry = (await inboxOf(registrar)).entries.find((e) => e.id === sent.escalation.id);
    expect(entry).toMatchObject({ status: 'OPEN', reporterVerifiedCsirt: true });
    await registrar.expectData('query I($id: ID!) { incident(id: $id) { id } }', { id: sent.incidentId });
    await inbox.until((results) => results.some((r) => r.myEscalationsChanged.id === sent.escalation.id));
  });
});
