import {
  ESCALATION_PROBES,
  INCIDENT_PROBES,
  answerTo,
  inboxOf,
  Transcript,
  UNKNOWN_ESCALATION_ID,
} from './support/access-leaks';
import {
  type HiddenIncident,
  type LeakWorld,
  type Outsider,
  report,
  startLeakWorld,
} from './support/access-leak-world';
import { type AccessWorld, settled } from './support/access-fixture';
import { UNKNOWN_INCIDENT_ID } from './support/access-subscriptions';
import { ESCALATE } from './support/sla-operations';

jest.setTimeout(120_000);

const LIST = `query L($filter: IncidentFilter, $first: Int, $after: String) {
  incidents(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id domains { name } timeline { type summary } } }
  }
}`;
interface Page {
  incidents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string } }[];
  };
}

/** `CODE message` of a probe's answer, for a readable list of differences. */
const brief = (answer: string): string => {
  const { errors } = JSON.parse(answer) as { errors: { message: string; extensions?: { code?: string } }[] };
  return errors.map((e) => `${e.extensions?.code ?? '?'} "${e.message}"`).join('; ') || 'data';
};

/**
 * Another organisation's AMBER and RED incidents leave no trace for those outside them: not in
 * lists, counts, domain searches, timelines, inboxes or the wording of errors (subscriptions and
 * tokens: access-live-leaks).
 */
describe('access leaks over HTTP', () => {
  let leak: LeakWorld;
  let world: AccessWorld;
  let outsiders: readonly Outsider[];
  let hidden: readonly HiddenIncident[];
  let clearId: string;
  let secrets: readonly string[];

  beforeAll(async () => {
    leak = await startLeakWorld();
    ({ world, outsiders, hidden, clearId, secrets } = leak);
  });
  afterAll(() => leak.world.server.dispose());

  it("never lists, counts or finds by domain another organisation's AMBER and RED incidents", async () => {
    for (const { name, client } of outsiders) {
      const seen = new Transcript();
      const all = await seen.read<Page>(client, LIST, { first: 100 });
      expect({
        name,
        total: all.incidents.totalCount,
        ids: all.incidents.edges.map((e) => e.node.id),
      }).toEqual({
        name,
        total: 1,
        ids: [clearId],
      });
      let after: string | null = null;
      const walked: string[] = [];
      for (let page = 0; page < 10; page += 1) {
        const { incidents }: Page = await seen.read<Page>(client, LIST, { first: 1, after });
        walked.push(...incidents.edges.map((e) => e.node.id));
        if (!incidents.pageInfo.hasNextPage) break;
        after = incidents.pageInfo.endCursor;
      }
      expect(walked).toEqual([clearId]);
      for (const { domain } of hidden) {
        for (const filter of [{ domain }, { domain: `www.${domain}` }, { domain, tlp: ['AMBER', 'RED'] }]) {
          const found = await seen.read<Page>(client, LIST, { filter, first: 10 });
          expect({ name, filter, total: found.incidents.totalCount, edges: found.incidents.edges }).toEqual({
            name,
            filter,
            total: 0,
            edges: [],
          });
        }
      }
      for (const filter of [
        { tlp: ['AMBER', 'RED', 'AMBER_STRICT'] },
        { status: ['REPORTED', 'TRIAGED'] },
        { tld: 'com' },
      ]) {
        const found = await seen.read<Page>(client, LIST, { filter, first: 10 });
        expect(found.incidents.edges.every((e) => e.node.id === clearId)).toBe(true);
        expect(found.incidents.totalCount).toBe(found.incidents.edges.length);
      }
      expect({ name, leaked: seen.leaked(secrets) }).toEqual({ name, leaked: [] });
    }
    // The same searches find them for an organisation they were shared with: the filter works.
    for (const { id, domain } of hidden) {
      const found = await world.actors.recipient.client.expectData<Page>(LIST, {
        filter: { domain },
        first: 10,
      });
      expect(found.incidents.edges.map((e) => e.node.id)).toEqual([id]);
    }
  });

  it('answers every operation on an invisible incident exactly as on a missing one, changing nothing', async () => {
    for (const incident of hidden) {
      const before = (await settled(world.coordinator, incident.id)).version;
      for (const { name, client } of outsiders) {
        for (const probe of INCIDENT_PROBES) {
          const invisible = await answerTo(client, probe, incident.id, incident.evidenceId);
          const missing = await answerTo(client, probe, UNKNOWN_INCIDENT_ID, incident.evidenceId);
          expect({ name, probe: probe.name, answer: invisible }).toEqual({
            name,
            probe: probe.name,
            answer: missing,
          });
          expect(invisible).toContain('"code":"NOT_FOUND"');
          expect(invisible).not.toContain(incident.domain);
        }
      }
      expect((await settled(world.coordinator, incident.id)).version).toBe(before);
    }
  });

  it('shows no timeline of an invisible incident, now or as of any past moment', async () => {
    const { incident } = await world.coordinator.expectData<{
      incident: { timeline: { occurredAt: string }[] };
    }>('query T($id: ID!) { incident(id: $id) { timeline { occurredAt } } }', { id: hidden[0]!.id });
    for (const { client } of outsiders) {
      for (const { occurredAt } of incident.timeline) {
        const answer = await client.expectError(
          'query A($id: ID!, $at: DateTime!) { incidentAsOf(id: $id, at: $at) { id } }',
          {
            id: hidden[0]!.id,
            at: occurredAt,
          },
        );
        expect(answer.extensions?.code).toBe('NOT_FOUND');
      }
      const seen = new Transcript();
      await seen.read(
        client,
        'query T($id: ID!) { incident(id: $id) { timeline { type summary actor { kind } } } }',
        {
          id: clearId,
        },
      );
      expect(seen.leaked(secrets)).toEqual([]);
    }
  });

  it('answers on the escalations of an invisible incident exactly as on unknown escalation ids', async () => {
    const differences = new Map<string, string[]>();
    for (const { escalationId } of hidden) {
      for (const { name, client } of outsiders) {
        for (const probe of ESCALATION_PROBES) {
          const invisible = await answerTo(client, probe, escalationId);
          const missing = await answerTo(client, probe, UNKNOWN_ESCALATION_ID);
          if (invisible === missing) continue;
          const line = `${probe.name}: ${brief(invisible)}, but for an unknown id ${brief(missing)}`;
          differences.set(line, [...(differences.get(line) ?? []), name]);
        }
      }
    }
    const report = [...differences].map(([line, who]) => `${line} (${[...new Set(who)].join(', ')})`);
    expect(report.join('\n')).toBe('');
  });

  it("leaves an unrelated registrar's myEscalations empty", async () => {
    const unrelated = outsiders[2]!.client;
    expect(await inboxOf(unrelated)).toEqual({ totalCount: 0, entries: [] });
    expect(await inboxOf(unrelated, true)).toEqual({ totalCount: 0, entries: [] });
    const addressed = await inboxOf(world.actors.registrar.client);
    expect(addressed.entries.map((e) => e.id).sort()).toEqual(hidden.map((h) => h.escalationId).sort());
  });

  it('counts in reportsAboutDomain only the incidents the registrar may see', async () => {
    const registrable = `count-${world.run}.com`;
    const visibleId = await report(world, world.actors.reporter.client, `visible.${registrable}`, 'CLEAR');
    const { escalateIncident } = await world.coordinator.expectData<{
      escalateIncident: { escalation: { id: string } };
    }>(ESCALATE, {
      input: {
        incidentId: visibleId,
        organisationId: world.actors.registrar.viewer.organisationId,
        requestType: 'TAKEDOWN',
      },
    });
    await report(world, world.actors.unverified.client, `hidden.${registrable}`, 'RED');
    await report(world, world.actors.verified.client, `also-hidden.${registrable}`, 'AMBER');
    const { myEscalations } = await world.actors.registrar.client.expectData<{
      myEscalations: { edges: { node: { escalation: { id: string }; reportsAboutDomain: number } }[] };
    }>('{ myEscalations(first: 100) { edges { node { escalation { id } reportsAboutDomain } } } }');
    const entry = myEscalations.edges.find((e) => e.node.escalation.id === escalateIncident.escalation.id);
    const { incidents } = await world.actors.registrar.client.expectData<Page>(LIST, {
      filter: { domain: registrable },
    });
    expect(incidents.totalCount).toBe(1);
    expect(entry?.node.reportsAboutDomain).toBe(incidents.totalCount);
  });

  it("keeps idempotency keys per organisation: another's key neither replays nor reveals its incident", async () => {
    const key = `shared-key-${world.run}`;
    const ownId = await report(world, world.actors.reporter.client, `key-own-${world.run}.com`, 'RED', {
      idempotencyKey: key,
    });
    const seen = new Transcript();
    const { reportIncident } = await seen.read<{
      reportIncident: { replayed: boolean; incident: { id: string } };
    }>(
      outsiders[1]!.client,
      'mutation R($input: ReportIncidentInput!) { reportIncident(input: $input) { replayed incident { id } } }',
      {
        input: {
          domains: [`key-other-${world.run}.com`],
          category: 'PHISHING',
          description: 'Same key, another organisation',
          tlp: 'AMBER',
          idempotencyKey: key,
        },
      },
    );
    expect(reportIncident.replayed).toBe(false);
    expect(reportIncident.incident.id).not.toBe(ownId);
    expect(seen.leaked([ownId, `key-own-${world.run}.com`])).toEqual([]);
  });
});
