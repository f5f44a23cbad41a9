import { randomBytes } from 'node:crypto';
import type { DnsccServer } from './support/dnscc-server';
import { type DirectoryFixture, forbiddenRequests, startDirectoryFixture } from './support/directory-fixture';
import type { GraphqlClient } from './support/graphql-client';
import { REPORT, aReport } from './support/incident-operations';
import { BAD_DIRECTORY_INPUT } from './support/directory-bad-input';
import * as op from './support/directory-operations';

jest.setTimeout(60_000);

const UNKNOWN_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('the directory, members and API tokens over HTTP', () => {
  let f: DirectoryFixture;
  let server: DnsccServer;
  let coordinator: GraphqlClient;
  let csirt: op.Organisation;
  let platform: op.Organisation;
  let admin: op.IssuedMember;
  let analyst: op.IssuedMember;
  const as = (member: op.IssuedMember) => server.client(member.token);
  const counts = () => op.storedCounts(coordinator);
  const codeOf = async (client: GraphqlClient, query: string, variables: Record<string, unknown>) =>
    (await client.expectError(query, variables)).extensions?.code;
  const incidentRouting = async (id: string) =>
    (await coordinator.expectData<{ incident: op.RoutedIncident }>(op.INCIDENT_ROUTING, { id })).incident;
  const snapshot = async (id: string) => {
    const { version, history } = await op.getOrganisation(coordinator, id);
    return { version, history: history.length };
  };

  beforeAll(async () => {
    f = await startDirectoryFixture(); // RDAP_ENABLED=false, ROLE=all: the worker routes incidents
    ({ server, coordinator, csirt, platform, admin, analyst } = f);
  });
  afterAll(() => server.dispose());

  it('answers HTTP 401 UNAUTHENTICATED without a valid token and stores nothing', async () => {
    const before = await counts();
    const unknown = `dnscc_${randomBytes(32).toString('base64url')}`;
    expect(unknown).toMatch(/^dnscc_[A-Za-z0-9_-]{43}$/);
    for (const client of [server.client(null), server.client('not-a-token'), server.client(unknown)]) {
      for (const [query, input] of [
        [REPORT, aReport()],
        [op.REGISTER, { kind: 'CSIRT', name: 'Intruder CERT' }],
      ] as const) {
        const result = await client.request(query, { input });
        expect(result.status).toBe(401);
        expect(result.data).toBeNull();
        expect(result.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('issues tokens shown once, lists them by prefix only, and knows who holds each', async () => {
    expect(csirt).toMatchObject({ kind: 'CSIRT', coverage: { countries: ['EE'] }, version: 1 });
    for (const member of [admin, analyst]) {
      expect(member.token).toMatch(/^dnscc_[A-Za-z0-9_-]{43}$/);
      expect(member.token.startsWith(member.prefix)).toBe(true);
      expect(member.prefix.length).toBeLessThan(member.token.length - 20);
      for (const viewer of [as(member), coordinator]) {
        const listed = await viewer.request<{ apiTokens: { id: string; prefix: string }[] }>(op.API_TOKENS, {
          memberId: member.memberId,
        });
        expect(listed.errors).toEqual([]);
        expect(listed.data?.apiTokens).toContainEqual(
          expect.objectContaining({ id: member.tokenId, prefix: member.prefix, active: true }),
        );
        expect(JSON.stringify(listed)).not.toContain(member.token);
        expect(JSON.stringify(listed)).not.toContain(member.token.slice(-20));
      }
    }
    const me = async (m: op.IssuedMember) => (await as(m).expectData<{ me: unknown }>(op.ME)).me;
    const member = { role: 'CSIRT', organisationId: csirt.id, organisationName: 'CERT-EE Test' };
    expect(await me(admin)).toMatchObject({
      tokenId: admin.tokenId,
      member: { ...member, id: admin.memberId, admin: true },
    });
    expect(await me(analyst)).toMatchObject({
      tokenId: analyst.tokenId,
      member: { ...member, id: analyst.memberId, admin: false },
    });
  });

  it("lets a CSIRT admin manage its own contacts, and nothing that is the coordinators' or another's", async () => {
    const added = await as(admin).expectData<{ addContact: { contact: { contactId: string } } }>(
      op.ADD_CONTACT,
      { input: { organisationId: csirt.id, role: 'INCIDENT', email: 'cert@cert.ee' } },
    );
    const ref = { organisationId: csirt.id, contactId: added.addContact.contact.contactId };
    const updated = await as(admin).expectData<{ updateContact: { contact: { phone: string } } }>(
      op.UPDATE_CONTACT,
      { input: { ...ref, phone: '+372 600 5255' } },
    );
    expect(updated.updateContact.contact.phone).toBe('+3726005255');
    await as(admin).expectData(op.CONFIRM_CONTACT, { input: ref });

    const before = [await snapshot(csirt.id), await snapshot(platform.id), await counts()];
    for (const [what, client, query, variables] of forbiddenRequests(f)) {
      expect({ what, code: await codeOf(client, query, variables) }).toEqual({ what, code: 'FORBIDDEN' });
    }
    const revoke = { input: { tokenId: admin.tokenId } };
    expect(await codeOf(as(analyst), op.REVOKE_TOKEN, revoke)).toBe('NOT_FOUND');

    expect([await snapshot(csirt.id), await snapshot(platform.id), await counts()]).toEqual(before);
    const { members } = await coordinator.expectData<{ members: unknown[] }>(op.MEMBERS, { id: csirt.id });
    expect(members).toHaveLength(2);
    expect((await as(admin).request(op.ME)).status).toBe(200);
    const analystTokens = await as(analyst).expectData<{ apiTokens: unknown[] }>(op.API_TOKENS);
    expect(analystTokens.apiTokens).toHaveLength(1);
  });

  it.each(Object.entries(BAD_DIRECTORY_INPUT))(
    'rejects %s with BAD_USER_INPUT naming the field, changing nothing',
    async (_case, { mutation, input, field, quoted }) => {
      const before = [await snapshot(csirt.id), await counts()];
      const error =
        mutation === 'registerOrganisation'
          ? await coordinator.expectError(op.REGISTER, { input: { name: 'Rejected Org', ...input } })
          : await coordinator.expectError(op.ADD_CONTACT, { input: { organisationId: csirt.id, ...input } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toContain(quoted);
      expect([await snapshot(csirt.id), await counts()]).toEqual(before);
    },
  );

  it('answers unknown organisations with NOT_FOUND and a second holder of an IANA id with CONFLICT', async () => {
    const before = await counts();
    const contact = { organisationId: UNKNOWN_ID, role: 'ABUSE', email: 'a@b.ee' };
    expect(await codeOf(coordinator, op.ADD_CONTACT, { input: contact })).toBe('NOT_FOUND');
    expect(await codeOf(coordinator, op.ORGANISATION, { id: UNKNOWN_ID })).toBe('NOT_FOUND');
    expect(await codeOf(coordinator, op.ORGANISATION, { id: 'nope' })).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);

    const first = await op.registerOrganisation(coordinator, {
      kind: 'REGISTRAR',
      name: 'First Registrar',
      coverage: { ianaId: 9999 },
    });
    const second = await coordinator.expectError(op.REGISTER, {
      input: { kind: 'REGISTRAR', name: 'Second Registrar', coverage: { ianaId: 9999 } },
    });
    expect(second.extensions?.code).toBe('CONFLICT');
    expect(second.message).toContain('9999');
    const after = await counts();
    expect(after.organisations).toBe(before.organisations + 1);
    expect((await op.getOrganisation(coordinator, first.id)).version).toBe(1);
  });

  it('stops a token its own member revoked on the very next request', async () => {
    const { issueApiToken } = await as(admin).expectData<{
      issueApiToken: { token: string; apiToken: { id: string } };
    }>(op.ISSUE_TOKEN, { input: { memberId: analyst.memberId, label: 'spare' } });
    const spare = server.client(issueApiToken.token);
    expect((await spare.request(op.ME)).status).toBe(200);
    const revoked = await spare.expectData<{
      revokeApiToken: { apiToken: { active: boolean; revokedAt: string } };
    }>(op.REVOKE_TOKEN, { input: { tokenId: issueApiToken.apiToken.id } });
    expect(revoked.revokeApiToken.apiToken.active).toBe(false);
    const next = await spare.request(op.ME);
    expect(next.status).toBe(401);
    expect(next.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await as(analyst).request(op.ME)).status).toBe(200); // the member's other token still works
  });

  it("records the member's organisation as reporter and the member as the actor of its changes", async () => {
    const { reportIncident } = await as(analyst).expectData<{ reportIncident: { incident: { id: string } } }>(
      REPORT,
      { input: aReport({ domains: ['reporter-check.example.net'] }) },
    );
    const incident = await incidentRouting(reportIncident.incident.id);
    expect(incident.reporter).toEqual({ organisationId: csirt.id, name: 'CERT-EE Test' });
    const byPeople = incident.timeline.filter((e) => e.type !== 'IncidentRouted');
    expect(byPeople.map((e) => e.type)).toEqual(['IncidentReported']);
    for (const entry of byPeople) {
      expect(entry.actor).toEqual({ kind: 'member', memberId: analyst.memberId, organisationId: csirt.id });
    }
  });

  it('filters organisations by kind, country, search and verification, and pages through them', async () => {
    const register = (name: string, country: string, aliases: string[] = []) =>
      op.registerOrganisation(coordinator, {
        kind: 'CSIRT',
        name,
        aliases,
        coverage: { countries: [country] },
      });
    const alpha = await register('Filtertest Alpha CERT', 'LV');
    const beta = await register('Beta filterTEST Team', 'LT');
    const gamma = await register('Gamma Response', 'LV', ['FILTERTEST-gamma']);
    const ids = async (filter: Record<string, unknown>) =>
      (await op.walkOrganisations(coordinator, filter, 100)).ids.sort();
    const all = [alpha.id, beta.id, gamma.id].sort();

    expect(await ids({ search: 'fIlTeRtEsT' })).toEqual(all);
    expect(await ids({ search: 'filtertest', kind: ['CSIRT'] })).toEqual(all);
    expect(await ids({ search: 'filtertest', kind: ['REGISTRY', 'HOSTING_PLATFORM'] })).toEqual([]);
    expect(await ids({ kind: ['CSIRT'], country: 'LV' })).toEqual([alpha.id, gamma.id].sort());
    expect(await ids({ kind: ['CSIRT'], country: 'EE' })).toEqual([csirt.id]);
    expect(await ids({ kind: ['HOSTING_PLATFORM'] })).toEqual([platform.id]);
    expect(await ids({ search: 'filtertest', verification: 'UNVERIFIED' })).toEqual(all);
    expect(await ids({ search: 'filtertest', verification: 'VERIFIED' })).toEqual([]);

    await coordinator.expectData(op.VERIFY, { input: { organisationId: beta.id, method: 'DIRECT_CONTACT' } });
    expect(await ids({ search: 'filtertest', verification: 'VERIFIED' })).toEqual([beta.id]);
    expect(await ids({ search: 'filtertest', verification: 'UNVERIFIED' })).toEqual(
      [alpha.id, gamma.id].sort(),
    );
    await coordinator.expectData(op.REVOKE_VERIFICATION, {
      input: { organisationId: beta.id, reason: 'left' },
    });
    expect(await ids({ search: 'filtertest', verification: 'REVOKED' })).toEqual([beta.id]);
    expect(await ids({ search: 'filtertest', verification: 'VERIFIED' })).toEqual([]);

    const walked = await op.walkOrganisations(coordinator, { search: 'FilterTest' }, 1);
    expect(walked).toMatchObject({ pages: 3, totalCount: 3 });
    expect([...walked.ids].sort()).toEqual(all);
    expect(walked.names).toEqual(['Beta filterTEST Team', 'Filtertest Alpha CERT', 'Gamma Response']);
  });

  it('shows every change of an organisation in order, with the member who made it', async () => {
    const org = await op.registerOrganisation(coordinator, { kind: 'CSIRT', name: 'History CERT' });
    const boss = await op.addMemberWithToken(coordinator, org.id, 'Hal Boss', true);
    await as(boss).expectData(op.ADD_CONTACT, {
      input: { organisationId: org.id, role: 'ABUSE', email: 'abuse@history.example' },
    });
    await as(boss).expectData(op.UPDATE_ORGANISATION, {
      input: { organisationId: org.id, name: 'History CSIRT' },
    });
    await coordinator.expectData(op.VERIFY, { input: { organisationId: org.id, method: 'PEER_VOUCHED' } });
    await coordinator.expectData(op.UPDATE_ORGANISATION, {
      input: { organisationId: org.id, coverage: { countries: ['FI', 'SE'] } },
    });
    const { history, version } = await op.getOrganisation(coordinator, org.id);
    expect(version).toBe(5);
    expect(history.map((e) => [e.version, e.type, e.actor.kind, e.actor.memberId])).toEqual([
      [1, 'OrganisationRegistered', 'member', f.coordinatorMemberId],
      [2, 'ContactAdded', 'member', boss.memberId],
      [3, 'OrganisationDetailsChanged', 'member', boss.memberId],
      [4, 'OrganisationVerified', 'member', f.coordinatorMemberId],
      [5, 'OrganisationCoverageChanged', 'member', f.coordinatorMemberId],
    ]);
    expect(history.map((e) => e.summary)).toEqual([
      expect.stringContaining('History CERT'),
      expect.stringContaining('abuse@history.example'),
      expect.stringContaining('History CSIRT'),
      expect.stringContaining('PEER_VOUCHED'),
      expect.stringContaining('FI, SE'),
    ]);
  });

  it('routes a domain on a private suffix to its platform, naming the registrar as unknown', async () => {
    const { route } = await coordinator.expectData<{ route: op.Route }>(op.ROUTE, {
      domain: 'x.duckdns.org',
      category: 'PHISHING',
    });
    expect(route.chain[0]).toMatchObject({ role: 'PLATFORM', organisation: platform.id, name: 'Duck DNS' });
    expect(route.chain.at(-1)?.role).toBe('COORDINATION_CENTRE');
    expect(route.unknowns).toContainEqual({
      role: 'REGISTRAR',
      reason: expect.stringContaining('RDAP') as unknown,
    });
    expect(await codeOf(coordinator, op.ROUTE, { domain: 'not a domain' })).toBe('BAD_USER_INPUT');
  });

  it('routes every reported domain, and re-routing appends only when the answer changed', async () => {
    const { reportIncident } = await as(analyst).expectData<{ reportIncident: { incident: { id: string } } }>(
      REPORT,
      { input: aReport({ domains: ['phish.duckdns.org', 'example.com'] }) },
    );
    const id = reportIncident.incident.id;
    const routed = await op.pollUntil(
      () => incidentRouting(id),
      (incident) => incident.routing.length === 2,
    );
    expect(routed.routing.map((r) => r.domain).sort()).toEqual(['example.com', 'phish.duckdns.org']);
    expect(routed.routing.find((r) => r.domain === 'phish.duckdns.org')?.chain[0]).toEqual({
      role: 'PLATFORM',
      organisation: platform.id,
    });
    expect(routed.timeline.filter((e) => e.type === 'IncidentRouted')).toHaveLength(2);
    expect(routed.version).toBe(3);

    const reroute = (client: GraphqlClient) =>
      client.request<{ rerouteIncident: { incident: op.RoutedIncident } }>(op.REROUTE, {
        input: { incidentId: id },
      });
    const unchanged = await reroute(as(analyst));
    expect(unchanged.errors).toEqual([]);
    expect(unchanged.data?.rerouteIncident.incident.version).toBe(routed.version);

    const outsider = await op.addMemberWithToken(coordinator, platform.id, 'Pat Platform', false);
    // An uninvolved organisation cannot even see an AMBER incident: NOT_FOUND, as for a missing one.
    expect((await reroute(as(outsider))).errors[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await incidentRouting(id)).version).toBe(routed.version);

    const verisign = await op.registerOrganisation(coordinator, {
      kind: 'REGISTRY',
      name: 'Test .com Registry',
      coverage: { tlds: ['com'] },
    });
    const changed = await reroute(coordinator);
    expect(changed.errors).toEqual([]);
    expect(changed.data?.rerouteIncident.incident.version).toBe(routed.version + 1);
    const exampleCom = changed.data?.rerouteIncident.incident.routing.find((r) => r.domain === 'example.com');
    expect(exampleCom?.chain).toContainEqual({ role: 'REGISTRY', organisation: verisign.id });
  });
});
