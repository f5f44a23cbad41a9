import type { IncidentAccessFacts, TlpMarking } from '@app/access';
import type { MemberRole, Viewer } from '@app/core';
import { addMemberWithToken, ME, registerOrganisation, VERIFY } from './directory-operations';
import { DnsccServer } from './dnscc-server';
import type { GraphqlClient } from './graphql-client';
import { ATTACH_EVIDENCE, REPORT } from './incident-operations';
import { ESCALATE } from './sla-operations';

/**
 * The cast of the access suites on one server: the centre, a reporting CSIRT, a CSIRT named as
 * recipient, an addressed registrar, an unrelated verified CSIRT and an unrelated unverified one,
 * each acting through a member's API token, and one incident per TLP marking involving them.
 */
export const TLPS: readonly TlpMarking[] = ['RED', 'AMBER_STRICT', 'AMBER', 'GREEN', 'CLEAR'];

export const VIEWER_KEYS = [
  'coordinator',
  'reporter',
  'recipient',
  'registrar',
  'verified',
  'unverified',
] as const;
export type ViewerKey = (typeof VIEWER_KEYS)[number];

export interface Actor {
  readonly key: ViewerKey;
  readonly client: GraphqlClient;
  readonly token: string;
  /** The viewer the server should derive from the token, for the policy's expectations. */
  readonly viewer: Viewer;
}

export interface MatrixIncident {
  readonly tlp: TlpMarking;
  readonly id: string;
  readonly domain: string;
  readonly evidenceId: string;
  readonly evidenceBase64: string;
  /** Who is involved, as this fixture arranged it (not as the server reports it). */
  readonly facts: IncidentAccessFacts;
}

export interface AccessWorld {
  readonly server: DnsccServer;
  readonly coordinator: GraphqlClient;
  readonly actors: Readonly<Record<ViewerKey, Actor>>;
  /** Per acting viewer, organisations to escalate to and to share with, involved in nothing else. */
  readonly targets: Readonly<Record<ViewerKey, { readonly escalate: string; readonly share: string }>>;
  readonly incidents: readonly MatrixIncident[];
  /** A run-unique label for domains, so suites never find each other's incidents. */
  readonly run: string;
}

const KINDS: Readonly<Record<Exclude<ViewerKey, 'coordinator'>, 'CSIRT' | 'REGISTRAR'>> = {
  reporter: 'CSIRT',
  recipient: 'CSIRT',
  registrar: 'REGISTRAR',
  verified: 'CSIRT',
  unverified: 'CSIRT',
};
const ROLE_OF_KIND: Readonly<Record<'CSIRT' | 'REGISTRAR', MemberRole>> = {
  CSIRT: 'CSIRT',
  REGISTRAR: 'REGISTRAR',
};

let ianaIds = 90_000;
const coverageOf = (kind: 'CSIRT' | 'REGISTRAR') =>
  kind === 'REGISTRAR' ? { ianaId: (ianaIds += 1) } : { countries: ['EE'] };

/** Starts a server (rate limit off: the matrix sends hundreds of requests per token) and its cast. */
export async function startAccessWorld(): Promise<Omit<AccessWorld, 'incidents'>> {
  const server = await DnsccServer.start({ env: { RATE_LIMIT_PER_MINUTE: '0' } });
  const coordinator = server.client();
  const run = Math.random().toString(36).slice(2, 8);
  const { me } = await coordinator.expectData<{
    me: {
      tokenId: string;
      member: { id: string; name: string; organisationId: string; organisationName: string };
    };
  }>(ME);
  const actors = {
    coordinator: {
      key: 'coordinator',
      client: coordinator,
      token: server.coordinatorToken ?? '',
      viewer: {
        memberId: me.member.id,
        memberName: me.member.name,
        organisationId: me.member.organisationId,
        organisationName: me.member.organisationName,
        role: 'COORDINATOR',
        admin: true,
        organisationVerified: false,
        tokenId: me.tokenId,
      },
    },
  } as Record<ViewerKey, Actor>;
  for (const [key, kind] of Object.entries(KINDS) as [
    Exclude<ViewerKey, 'coordinator'>,
    'CSIRT' | 'REGISTRAR',
  ][]) {
    const name = `Access ${key} ${run}`;
    const organisation = await registerOrganisation(coordinator, { kind, name, coverage: coverageOf(kind) });
    if (key === 'verified') {
      await coordinator.expectData(VERIFY, {
        input: { organisationId: organisation.id, method: 'DIRECT_CONTACT' },
      });
    }
    const member = await addMemberWithToken(coordinator, organisation.id, `${key} analyst ${run}`, false);
    actors[key] = {
      key,
      client: server.client(member.token),
      token: member.token,
      viewer: {
        memberId: member.memberId,
        memberName: `${key} analyst`,
        organisationId: organisation.id,
        organisationName: name,
        role: ROLE_OF_KIND[kind],
        admin: false,
        organisationVerified: key === 'verified',
        tokenId: member.tokenId,
      },
    };
  }
  const targets = {} as Record<ViewerKey, { escalate: string; share: string }>;
  for (const key of VIEWER_KEYS) {
    const target = (purpose: string) =>
      registerOrganisation(coordinator, {
        kind: 'REGISTRAR',
        name: `Access ${purpose} target of ${key} ${run}`,
        coverage: coverageOf('REGISTRAR'),
      });
    targets[key] = { escalate: (await target('escalation')).id, share: (await target('sharing')).id };
  }
  return { server, coordinator, actors, targets, run };
}

export const SHARE = `mutation Share($input: ShareIncidentInput!) { shareIncident(input: $input) { incident { id version } } }`;

export const EVIDENCE_TEXT = 'fake login page';

/**
 * The reporting CSIRT reports one incident per marking and attaches evidence with content; a
 * coordinator names the recipient and escalates to the registrar (naming it first on RED, and the
 * escalation targets, which RED also requires to be named).
 */
export async function reportMatrixIncident(
  world: Omit<AccessWorld, 'incidents'>,
  tlp: TlpMarking,
): Promise<MatrixIncident> {
  const { actors, coordinator, targets } = world;
  const domain = `matrix-${tlp.toLowerCase().replace('_', '-')}-${world.run}.com`;
  const { reportIncident } = await actors.reporter.client.expectData<{
    reportIncident: { incident: { id: string } };
  }>(REPORT, {
    input: {
      domains: [domain],
      urls: [],
      category: 'PHISHING',
      description: `Access matrix incident on TLP:${tlp}`,
      tlp,
      contact: 'analyst@reporter.example',
    },
  });
  const id = reportIncident.incident.id;
  const evidenceBase64 = Buffer.from(`${EVIDENCE_TEXT} ${tlp}`).toString('base64');
  const { attachEvidence } = await actors.reporter.client.expectData<{
    attachEvidence: { incident: { evidence: { id: string }[] } };
  }>(ATTACH_EVIDENCE, {
    input: { incidentId: id, kind: 'HTTP_CAPTURE', mediaType: 'text/html', contentBase64: evidenceBase64 },
  });
  const named = [
    actors.recipient.viewer.organisationId,
    ...(tlp === 'RED'
      ? [actors.registrar.viewer.organisationId, ...Object.values(targets).map((t) => t.escalate)]
      : []),
  ];
  for (const organisationId of named) {
    await coordinator.expectData(SHARE, { input: { incidentId: id, organisationId } });
  }
  await coordinator.expectData(ESCALATE, {
    input: {
      incidentId: id,
      organisationId: actors.registrar.viewer.organisationId,
      requestType: 'TAKEDOWN',
    },
  });
  await settled(coordinator, id);
  return {
    tlp,
    id,
    domain,
    evidenceId: attachEvidence.incident.evidence[0]?.id ?? '',
    evidenceBase64,
    facts: {
      tlp,
      reporterOrganisationId: actors.reporter.viewer.organisationId,
      recipientOrganisationIds: named,
      addressedOrganisationIds: [actors.registrar.viewer.organisationId],
    },
  };
}

const STATE = `query State($id: ID!) { incident(id: $id) { version status domains { name } routing { domain } } }`;

export interface IncidentState {
  version: number;
  status: string;
  domains: { name: string }[];
  routing: { domain: string }[];
}

export async function stateOf(coordinator: GraphqlClient, id: string): Promise<IncidentState> {
  return (await coordinator.expectData<{ incident: IncidentState }>(STATE, { id })).incident;
}

/**
 * Waits until the worker has routed every domain of the incident, the only change the centre
 * appends on its own, so that a version read afterwards moves only when someone changes it.
 */
export async function settled(coordinator: GraphqlClient, id: string): Promise<IncidentState> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const state = await stateOf(coordinator, id);
    const routed = new Set(state.routing.map((r) => r.domain));
    if (state.domains.every((d) => routed.has(d.name))) return state;
    if (Date.now() > deadline) throw new Error(`incident ${id} not routed: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
