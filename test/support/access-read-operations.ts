import { type MatrixOperation, outcomeOf } from './access-operations';

const INCIDENT = `query I($id: ID!) { incident(id: $id) { id tlp } }`;
const TIMELINE = `query T($id: ID!) { incident(id: $id) { id timeline { version type } } }`;
const AS_OF = `query A($id: ID!, $at: DateTime!) { incidentAsOf(id: $id, at: $at) { id version } }`;
const LIST = `query L($filter: IncidentFilter) { incidents(filter: $filter, first: 10) { totalCount edges { node { id } } } }`;
const EVIDENCE = `query E($incidentId: ID!, $evidenceId: ID!) {
  evidenceContent(incidentId: $incidentId, evidenceId: $evidenceId) { evidenceId contentBase64 }
}`;

/** Reads, in an order that changes nothing; the subscription is run apart (see access-subscriptions). */
export const READ_OPERATIONS: readonly MatrixOperation[] = [
  {
    name: 'incident',
    action: 'VIEW',
    mutates: false,
    run: async ({ actor, incident }) =>
      outcomeOf(
        await actor.client.request<{ incident: { id: string; tlp: string } }>(INCIDENT, { id: incident.id }),
        (d) => d.incident.id === incident.id && d.incident.tlp === incident.tlp,
      ),
  },
  {
    name: 'incidents',
    action: 'VIEW',
    mutates: false,
    // A list never errs: the incident is listed and counted, or it is neither (reported as NOT_FOUND).
    run: async ({ actor, incident }) => {
      const response = await actor.client.request<{
        incidents: { totalCount: number; edges: { node: { id: string } }[] };
      }>(LIST, { filter: { domain: incident.domain } });
      const page = response.data?.incidents;
      if (response.errors.length > 0 || !page) return outcomeOf(response, () => false);
      const ids = page.edges.map((e) => e.node.id);
      if (page.totalCount === 1 && ids.length === 1 && ids[0] === incident.id) return 'ALLOWED';
      if (page.totalCount === 0 && ids.length === 0) return 'NOT_FOUND';
      return `WRONG_DATA(totalCount ${page.totalCount}, ids ${ids.join(',')})`;
    },
  },
  {
    name: 'incidentAsOf',
    action: 'VIEW',
    mutates: false,
    run: async ({ actor, incident }) =>
      outcomeOf(
        await actor.client.request<{ incidentAsOf: { id: string } }>(AS_OF, {
          id: incident.id,
          at: new Date().toISOString(),
        }),
        (d) => d.incidentAsOf.id === incident.id,
      ),
  },
  {
    name: 'timeline',
    action: 'VIEW',
    mutates: false,
    run: async ({ actor, incident }) =>
      outcomeOf(
        await actor.client.request<{ incident: { timeline: { type: string }[] } }>(TIMELINE, {
          id: incident.id,
        }),
        (d) => d.incident.timeline[0]?.type === 'IncidentReported',
      ),
  },
  {
    name: 'evidenceContent',
    action: 'VIEW',
    mutates: false,
    run: async ({ actor, incident }) =>
      outcomeOf(
        await actor.client.request<{ evidenceContent: { contentBase64: string } }>(EVIDENCE, {
          incidentId: incident.id,
          evidenceId: incident.evidenceId,
        }),
        (d) => d.evidenceContent.contentBase64 === incident.evidenceBase64,
      ),
  },
];
