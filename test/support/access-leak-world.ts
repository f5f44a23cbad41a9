import type { TlpMarking } from '@app/access';
import { type AccessWorld, reportMatrixIncident, settled, startAccessWorld } from './access-fixture';
import { addMemberWithToken, registerOrganisation } from './directory-operations';
import type { GraphqlClient } from './graphql-client';
import { REPORT } from './incident-operations';

/** A member of an organisation involved in none of the hidden incidents. */
export interface Outsider {
  readonly name: string;
  readonly client: GraphqlClient;
  readonly token: string;
}

export interface HiddenIncident {
  readonly id: string;
  readonly domain: string;
  readonly evidenceId: string;
  /** The coordinator's escalation to the addressed registrar. */
  readonly escalationId: string;
}

export interface LeakWorld {
  readonly world: AccessWorld;
  /** The verified CSIRT, the unverified CSIRT and a registrar no one asked anything. */
  readonly outsiders: readonly Outsider[];
  /** The reporting CSIRT's AMBER and RED incidents, shared with the recipient, escalated to the registrar. */
  readonly hidden: readonly HiddenIncident[];
  /** The reporting CSIRT's CLEAR incident: every member sees it. */
  readonly clearId: string;
  /** Every id and domain of the hidden incidents: none may reach an outsider. */
  readonly secrets: readonly string[];
}

/** Reports an incident as `client`'s organisation and waits until it is routed; returns its id. */
export async function report(
  world: AccessWorld,
  client: GraphqlClient,
  domain: string,
  tlp: TlpMarking,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const { reportIncident } = await client.expectData<{ reportIncident: { incident: { id: string } } }>(
    REPORT,
    {
      input: {
        domains: [domain],
        urls: [],
        category: 'PHISHING',
        description: `Access leaks: ${domain}`,
        tlp,
        contact: 'analyst@csirt.example',
        ...extra,
      },
    },
  );
  await settled(world.coordinator, reportIncident.incident.id);
  return reportIncident.incident.id;
}

export async function startLeakWorld(): Promise<LeakWorld> {
  const base = await startAccessWorld();
  const world: AccessWorld = { ...base, incidents: [] };
  const { coordinator, actors } = world;
  const other = await registerOrganisation(coordinator, {
    kind: 'REGISTRAR',
    name: `Unrelated registrar ${world.run}`,
    coverage: { ianaId: 99_999 },
  });
  const otherMember = await addMemberWithToken(coordinator, other.id, `unrelated desk ${world.run}`, false);
  const outsiders = [
    { name: 'verified CSIRT', client: actors.verified.client, token: actors.verified.token },
    { name: 'unverified CSIRT', client: actors.unverified.client, token: actors.unverified.token },
    { name: 'unrelated registrar', client: world.server.client(otherMember.token), token: otherMember.token },
  ];
  const hidden: HiddenIncident[] = [];
  for (const tlp of ['AMBER', 'RED'] as const) {
    const incident = await reportMatrixIncident(base, tlp);
    const { incident: view } = await coordinator.expectData<{ incident: { escalations: { id: string }[] } }>(
      'query E($id: ID!) { incident(id: $id) { escalations { id } } }',
      { id: incident.id },
    );
    hidden.push({ ...incident, escalationId: view.escalations[0]!.id });
  }
  const clearId = await report(world, actors.reporter.client, `leak-clear-${world.run}.com`, 'CLEAR');
  const secrets = hidden.flatMap((h) => [h.id, h.domain, h.escalationId]);
  return { world, outsiders, hidden, clearId, secrets };
}
