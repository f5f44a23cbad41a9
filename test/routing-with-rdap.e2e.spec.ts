import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RdapFixtureServer } from '../libs/directory/src/rdap/testing/rdap-fixture.server';
import { DnsccServer, newDataDir } from './support/dnscc-server';
import type { GraphqlClient } from './support/graphql-client';
import { REPORT, aReport } from './support/incident-operations';
import { describeWithSharedData, sharedDataPath } from './support/shared-data';

const ROUTED = `query Routed($id: ID!) {
  incident(id: $id) {
    version
    routing { domain registrar { name organisation ianaId confidence evidence { source } } unknowns { role reason } chain { role } }
  }
}`;

interface Routed {
  incident: {
    version: number;
    routing: {
      domain: string;
      registrar: {
        name: string;
        organisation: string | null;
        ianaId: number | null;
        confidence: string;
        evidence: { source: string }[];
      } | null;
      unknowns: { role: string; reason: string }[];
      chain: { role: string }[];
    }[];
  };
}

async function routedIncident(
  api: GraphqlClient,
  id: string,
  until: (r: Routed) => boolean,
): Promise<Routed> {
  for (let i = 0; i < 100; i += 1) {
    const routed = await api.expectData<Routed>(ROUTED, { id });
    if (until(routed)) return routed;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`incident ${id} was not routed in time`);
}

/**
 * The whole server with RDAP on, against a local HTTP server serving the recorded Verisign answer
 * for google.com: reported incidents are routed to the sponsoring registrar RDAP names, and an RDAP
 * outage neither blocks reporting nor stops routing, which rerouteIncident completes later.
 */
describeWithSharedData('routing with RDAP against recorded answers', () => {
  jest.setTimeout(60_000);
  let rdap: RdapFixtureServer;
  let server: DnsccServer;
  let api: GraphqlClient;

  beforeAll(async () => {
    rdap = await RdapFixtureServer.start();
    rdap.route('com/v1/domain/google.com', {
      body: readFileSync(
        sharedDataPath('rdap', 'responses', 'verisign-com__google.com.registry-step.json'),
        'utf8',
      ),
    });
    rdap.route('com/v1/domain/outage.com', { status: 503 });
    const dataDir = newDataDir();
    const bootstrap = path.join(dataDir, 'dns.json');
    writeFileSync(
      bootstrap,
      JSON.stringify({
        version: '1.0',
        publication: '2026-11-27T00:00:00Z',
        services: [[['com'], [`${rdap.baseUrl}com/v1/`]]],
      }),
    );
    server = await DnsccServer.start({
      env: { RDAP_ENABLED: 'true', RDAP_BOOTSTRAP: bootstrap, RDAP_TIMEOUT_MS: '2000' },
    });
    api = server.client();
  });
  afterAll(async () => {
    await server.dispose();
    await rdap.close();
  });

  it('routes a reported domain to the registrar RDAP names, matched to the directory by IANA id', async () => {
    const { registerOrganisation } = await api.expectData<{
      registerOrganisation: { organisation: { id: string } };
    }>(
      'mutation { registerOrganisation(input: { kind: REGISTRAR, name: "MarkMonitor Inc.", coverage: { ianaId: 292 } }) { organisation { id } } }',
    );
    const { reportIncident } = await api.expectData<{ reportIncident: { incident: { id: string } } }>(
      REPORT,
      {
        input: aReport({ domains: ['accounts-verify.google.com'] }),
      },
    );
    const routed = await routedIncident(
      api,
      reportIncident.incident.id,
      (r) => r.incident.routing.length === 1,
    );
    const [decision] = routed.incident.routing;
    expect(decision?.registrar).toMatchObject({
      name: 'MarkMonitor Inc.',
      organisation: registerOrganisation.organisation.id,
      ianaId: 292,
      confidence: 'HIGH',
    });
    expect(decision?.registrar?.evidence.map((e) => e.source).join(' ')).toContain(
      `${rdap.baseUrl}com/v1/domain/google.com`,
    );
    expect(decision?.chain.map((p) => p.role)).toEqual(['REGISTRAR', 'COORDINATION_CENTRE']);
    expect(decision?.unknowns.map((u) => u.role)).toContain('REGISTRY');
  });

  it('records a report during an RDAP outage, says why the registrar is unknown, and reroutes later', async () => {
    const { reportIncident } = await api.expectData<{ reportIncident: { incident: { id: string } } }>(
      REPORT,
      {
        input: aReport({ domains: ['www.outage.com'] }),
      },
    );
    const id = reportIncident.incident.id;
    const first = await routedIncident(api, id, (r) => r.incident.routing.length === 1);
    expect(first.incident.routing[0]?.registrar).toBeNull();
    expect(first.incident.routing[0]?.unknowns.find((u) => u.role === 'REGISTRAR')?.reason).toMatch(
      /RDAP|503/,
    );

    rdap.route('com/v1/domain/outage.com', {
      body: readFileSync(
        sharedDataPath('rdap', 'responses', 'verisign-com__google.com.registry-step.json'),
        'utf8',
      ).replaceAll('GOOGLE.COM', 'OUTAGE.COM'),
    });
    const { rerouteIncident } = await api.expectData<{ rerouteIncident: { incident: { version: number } } }>(
      'mutation R($id: ID!) { rerouteIncident(input: { incidentId: $id }) { incident { version } } }',
      { id },
    );
    expect(rerouteIncident.incident.version).toBe(first.incident.version + 1);
    const second = await api.expectData<Routed>(ROUTED, { id });
    expect(second.incident.routing[0]?.registrar?.ianaId).toBe(292);
  });
});
