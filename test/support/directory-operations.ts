import type { GraphqlClient } from './graphql-client';

/** The directory, access and routing operations the e2e suites send, written as a client would. */
export const ORGANISATION_FIELDS = `
  id kind name aliases website source version
  coverage { countries tlds ianaId suffixes }
  verification { status method verifiedBy revokedReason }
  contacts { contactId role email phone webFormUrl source stale lastConfirmedAt }
`;

export const REGISTER = `mutation Register($input: RegisterOrganisationInput!) {
  registerOrganisation(input: $input) { organisation { ${ORGANISATION_FIELDS} } }
}`;

export const UPDATE_ORGANISATION = `mutation Update($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { organisation { ${ORGANISATION_FIELDS} } }
}`;

export const VERIFY = `mutation Verify($input: VerifyOrganisationInput!) {
  verifyOrganisation(input: $input) { organisation { ${ORGANISATION_FIELDS} } }
}`;

export const REVOKE_VERIFICATION = `mutation Unverify($input: RevokeVerificationInput!) {
  revokeVerification(input: $input) { organisation { ${ORGANISATION_FIELDS} } }
}`;

const CONTACT_PAYLOAD = `contact { contactId role email phone webFormUrl lastConfirmedAt } organisation { id version }`;

export const ADD_CONTACT = `mutation AddContact($input: AddContactInput!) { addContact(input: $input) { ${CONTACT_PAYLOAD} } }`;
export const UPDATE_CONTACT = `mutation UpdateContact($input: UpdateContactInput!) { updateContact(input: $input) { ${CONTACT_PAYLOAD} } }`;
export const CONFIRM_CONTACT = `mutation ConfirmContact($input: ContactRefInput!) { confirmContact(input: $input) { ${CONTACT_PAYLOAD} } }`;

export const ORGANISATION = `query Organisation($id: ID!) {
  organisation(id: $id) { ${ORGANISATION_FIELDS} history { version type summary actor { kind memberId organisationId } } }
}`;

export const ORGANISATIONS = `query Organisations($filter: OrganisationFilter, $first: Int, $after: String) {
  organisations(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${ORGANISATION_FIELDS} } }
  }
}`;

export const ADD_MEMBER = `mutation AddMember($input: AddMemberInput!) {
  addMember(input: $input) { member { id name email admin role organisationId organisationName } }
}`;

export const MEMBERS = `query Members($id: ID!) { members(organisationId: $id) { id name admin role } }`;

export const ISSUE_TOKEN = `mutation Issue($input: IssueApiTokenInput!) {
  issueApiToken(input: $input) { token apiToken { id prefix label memberId active revokedAt } }
}`;

export const REVOKE_TOKEN = `mutation Revoke($input: RevokeApiTokenInput!) {
  revokeApiToken(input: $input) { apiToken { id revokedAt active } }
}`;

export const API_TOKENS = `query Tokens($memberId: ID) {
  apiTokens(memberId: $memberId) { id prefix label memberId issuedAt expiresAt lastUsedAt revokedAt active }
}`;

export const ME = `query { me { tokenId member { id name email admin role organisationId organisationName } } }`;

export const ROUTE = `query Route($domain: String!, $category: IncidentCategory) {
  route(domain: $domain, category: $category) {
    domain registrableDomain publicSuffix tld
    chain { role name organisation ianaId confidence }
    unknowns { role reason }
  }
}`;

export const INCIDENT_ROUTING = `query Routing($id: ID!) {
  incident(id: $id) {
    version
    reporter { name organisationId }
    routing { domain chain { role organisation } }
    timeline { version type actor { kind memberId organisationId } }
  }
}`;

export const REROUTE = `mutation Reroute($input: RerouteIncidentInput!) {
  rerouteIncident(input: $input) { incident { version routing { domain chain { role organisation } } } }
}`;

export interface Organisation {
  id: string;
  kind: string;
  name: string;
  version: number;
  coverage: { countries: string[]; tlds: string[]; ianaId: number | null; suffixes: string[] };
  verification: { status: string; verifiedBy: string | null; revokedReason: string | null };
  contacts: { contactId: string; role: string; email: string | null; phone: string | null }[];
}

export interface HistoryEntry {
  version: number;
  type: string;
  summary: string;
  actor: { kind: string; memberId: string | null; organisationId: string | null };
}

export interface IssuedMember {
  memberId: string;
  token: string;
  tokenId: string;
  prefix: string;
}

export async function registerOrganisation(
  api: GraphqlClient,
  input: Record<string, unknown>,
): Promise<Organisation> {
  const data = await api.expectData<{ registerOrganisation: { organisation: Organisation } }>(REGISTER, {
    input,
  });
  return data.registerOrganisation.organisation;
}

export async function getOrganisation(
  api: GraphqlClient,
  id: string,
): Promise<Organisation & { history: HistoryEntry[] }> {
  const data = await api.expectData<{ organisation: Organisation & { history: HistoryEntry[] } }>(
    ORGANISATION,
    { id },
  );
  return data.organisation;
}

/** Adds a member to `organisationId` and issues it a token, as an admin would. */
export async function addMemberWithToken(
  api: GraphqlClient,
  organisationId: string,
  name: string,
  admin: boolean,
): Promise<IssuedMember> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@cert.example`;
  const { addMember } = await api.expectData<{ addMember: { member: { id: string } } }>(ADD_MEMBER, {
    input: { organisationId, name, email, admin },
  });
  const { issueApiToken } = await api.expectData<{
    issueApiToken: { token: string; apiToken: { id: string; prefix: string } };
  }>(ISSUE_TOKEN, { input: { memberId: addMember.member.id, label: `${name} laptop` } });
  return {
    memberId: addMember.member.id,
    token: issueApiToken.token,
    tokenId: issueApiToken.apiToken.id,
    prefix: issueApiToken.apiToken.prefix,
  };
}

const COUNTS = '{ incidents { totalCount } organisations { totalCount } }';

/** How many incidents and organisations are stored, to show a refused request stored nothing. */
export async function storedCounts(
  api: GraphqlClient,
): Promise<{ incidents: number; organisations: number }> {
  const data = await api.expectData<{
    incidents: { totalCount: number };
    organisations: { totalCount: number };
  }>(COUNTS);
  return { incidents: data.incidents.totalCount, organisations: data.organisations.totalCount };
}

interface OrganisationPage {
  organisations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Organisation }[];
  };
}

/** Every organisation matching `filter`, one page of `first` at a time, following endCursor. */
export async function walkOrganisations(
  api: GraphqlClient,
  filter: Record<string, unknown>,
  first = 1,
): Promise<{ ids: string[]; names: string[]; pages: number; totalCount: number }> {
  const ids: string[] = [];
  const names: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let pages = 1; pages <= 100; pages += 1) {
    const page: OrganisationPage = await api.expectData<OrganisationPage>(ORGANISATIONS, {
      filter,
      first,
      after,
    });
    const { organisations } = page;
    totalCount = organisations.totalCount;
    ids.push(...organisations.edges.map((e) => e.node.id));
    names.push(...organisations.edges.map((e) => e.node.name));
    if (!organisations.pageInfo.hasNextPage) return { ids, names, pages, totalCount };
    after = organisations.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages: the cursor does not advance');
}

/** Polls `read` until `done` holds or `timeoutMs` passes; returns the last value read either way. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

export interface Route {
  domain: string;
  chain: { role: string; name: string; organisation: string | null; confidence: string }[];
  unknowns: { role: string; reason: string }[];
}

export interface RoutedIncident {
  version: number;
  reporter: { name: string; organisationId: string | null };
  routing: { domain: string; chain: { role: string; organisation: string | null }[] }[];
  timeline: {
    version: number;
    type: string;
    actor: { kind: string; memberId: string | null; organisationId: string | null };
  }[];
}
