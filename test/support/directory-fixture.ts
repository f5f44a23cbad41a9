import { DnsccServer } from './dnscc-server';
import type { GraphqlClient } from './graphql-client';
import {
  ADD_CONTACT,
  ADD_MEMBER,
  addMemberWithToken,
  ISSUE_TOKEN,
  type IssuedMember,
  ME,
  type Organisation,
  REGISTER,
  registerOrganisation,
  UPDATE_ORGANISATION,
  VERIFY,
} from './directory-operations';

/** A server (RDAP off, ROLE=all) with a CSIRT, a hosting platform, and the CSIRT's admin and analyst. */
export interface DirectoryFixture {
  readonly server: DnsccServer;
  readonly coordinator: GraphqlClient;
  readonly coordinatorMemberId: string;
  /** CSIRT "CERT-EE Test" covering EE, with alias "Estonian National CSIRT". */
  readonly csirt: Organisation;
  /** HOSTING_PLATFORM "Duck DNS" covering duckdns.org. */
  readonly platform: Organisation;
  /** "Eve Admin", an admin member of the CSIRT, with a token issued by the coordinator. */
  readonly admin: IssuedMember;
  /** "Ann Analyst", a non-admin member of the CSIRT, with a token issued by the coordinator. */
  readonly analyst: IssuedMember;
}

export async function startDirectoryFixture(): Promise<DirectoryFixture> {
  const server = await DnsccServer.start();
  const coordinator = server.client();
  const { me } = await coordinator.expectData<{ me: { member: { id: string } } }>(ME);
  const csirt = await registerOrganisation(coordinator, {
    kind: 'CSIRT',
    name: 'CERT-EE Test',
    aliases: ['Estonian National CSIRT'],
    coverage: { countries: ['EE'] },
  });
  const platform = await registerOrganisation(coordinator, {
    kind: 'HOSTING_PLATFORM',
    name: 'Duck DNS',
    coverage: { suffixes: ['duckdns.org'] },
  });
  return {
    server,
    coordinator,
    coordinatorMemberId: me.member.id,
    csirt,
    platform,
    admin: await addMemberWithToken(coordinator, csirt.id, 'Eve Admin', true),
    analyst: await addMemberWithToken(coordinator, csirt.id, 'Ann Analyst', false),
  };
}

/** Requests the fixture's CSIRT members may not make: [what, who, operation, variables]. */
export function forbiddenRequests(
  f: DirectoryFixture,
): [what: string, client: GraphqlClient, query: string, variables: Record<string, unknown>][] {
  const admin = f.server.client(f.admin.token);
  const analyst = f.server.client(f.analyst.token);
  return [
    ['admin registers', admin, REGISTER, { input: { kind: 'CSIRT', name: 'Shadow CERT' } }],
    ['admin verifies', admin, VERIFY, { input: { organisationId: f.csirt.id, method: 'DOCUMENT_REVIEW' } }],
    [
      'admin changes coverage',
      admin,
      UPDATE_ORGANISATION,
      { input: { organisationId: f.csirt.id, coverage: { countries: ['EE', 'LV'] } } },
    ],
    [
      "admin adds another's contact",
      admin,
      ADD_CONTACT,
      { input: { organisationId: f.platform.id, role: 'ABUSE', email: 'x@cert.ee' } },
    ],
    [
      'analyst adds a member',
      analyst,
      ADD_MEMBER,
      { input: { organisationId: f.csirt.id, name: 'Mallory', email: 'm@cert.ee', admin: true } },
    ],
    ['analyst issues a token', analyst, ISSUE_TOKEN, { input: { memberId: f.analyst.memberId } }],
  ];
}
