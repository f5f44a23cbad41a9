import fc from 'fast-check';
import { hostileCountry, hostileSuffix, hostileTld } from './hostile-contacts';
import { hostileDomain, hostileUrl, validDomain } from './hostile-domains';
import { hostileCursor, hostileId } from './hostile-ids';
import type { HostileRequest } from './hostile-request';
import { hostileEnum, hostileInt } from './hostile-scalars';
import {
  allIds,
  argumentQuery,
  CATEGORIES,
  ESCALATION_STATUSES,
  type HostileFixtures,
  inputOperation,
  ORGANISATION_KINDS,
  REQUEST_TYPES,
  someMember,
  VERIFICATION_STATUSES,
} from './hostile-targets';
import { hostileInput, hostileList, hostileString } from './hostile-values';

/** Hostile requests to the directory and routing, and reads of escalations, members and tokens. */

export const ORGANISATION_SELECTION =
  'organisation { id version name coverage { countries tlds suffixes ianaId } }';

/** Coverage: countries, TLDs, private suffixes and an IANA id, valid or hostile. */
export const coverage = hostileInput(
  {
    countries: fc.constant(['FR']),
    tlds: fc.constant(['fr']),
    suffixes: fc.constant(['pages.dev']),
    ianaId: fc.constant(292),
  },
  {
    countries: hostileList(hostileCountry, 'FR'),
    tlds: hostileList(hostileTld, 'fr'),
    suffixes: hostileList(hostileSuffix, 'pages.dev'),
    ianaId: hostileInt,
  },
);

export const registerOrganisation = (): fc.Arbitrary<HostileRequest> =>
  inputOperation(
    'mutation',
    'registerOrganisation',
    'RegisterOrganisationInput',
    hostileInput(
      {
        kind: fc.constantFrom(...ORGANISATION_KINDS),
        name: fc.constantFrom('Example Pages', 'CERT Example'),
        aliases: fc.constant(['EP']),
        website: fc.constant('https://example.org'),
        coverage: fc.constant({}),
      },
      {
        kind: hostileEnum(ORGANISATION_KINDS),
        name: hostileString,
        aliases: hostileList(hostileString, 'alias'),
        website: hostileUrl,
        coverage,
      },
      ['kind', 'name'],
    ),
    ORGANISATION_SELECTION,
    { credentials: someMember },
  );

const organisationFilter = hostileInput(
  {
    country: fc.constant('FR'),
    ianaId: fc.constant(292),
    kind: fc.constant(['REGISTRAR']),
    search: fc.constant('cert'),
    suffix: fc.constant('pages.dev'),
    tld: fc.constant('fr'),
    verification: fc.constant('VERIFIED'),
  },
  {
    country: hostileCountry,
    ianaId: hostileInt,
    kind: hostileList(hostileEnum(ORGANISATION_KINDS), 'CSIRT'),
    search: fc.oneof(fc.constantFrom('%', '_', '%%', '\\%', "' OR ''='", '*', '.*'), hostileString),
    suffix: hostileSuffix,
    tld: hostileTld,
    verification: hostileEnum(VERIFICATION_STATUSES),
  },
);

/** Directory and access reads, and routing (which stores nothing). */
export const directoryReads = (f: HostileFixtures): fc.Arbitrary<HostileRequest> => {
  const any = [...allIds(f)];
  return fc.oneof(
    argumentQuery(
      'organisation',
      { id: 'ID!' },
      fc.record({ id: hostileId(f.organisationIds) }),
      'id name history { type }',
    ),
    argumentQuery(
      'organisations',
      { filter: 'OrganisationFilter', first: 'Int', after: 'String' },
      fc.record(
        { filter: organisationFilter, first: hostileInt, after: hostileCursor(f.organisationCursors) },
        { requiredKeys: [] },
      ),
      'totalCount pageInfo { endCursor } edges { cursor node { id name } }',
      someMember,
    ),
    argumentQuery(
      'route',
      { domain: 'String!', category: 'IncidentCategory' },
      fc.record(
        { domain: fc.oneof(hostileDomain, validDomain), category: hostileEnum(CATEGORIES) },
        { requiredKeys: ['domain'] },
      ),
      'domain registrableDomain publicSuffix tld chain { role name confidence } unknowns { role reason }',
      someMember,
    ),
    argumentQuery(
      'members',
      { organisationId: 'ID!' },
      fc.record({ organisationId: hostileId(any) }),
      'id name role',
      someMember,
    ),
    argumentQuery(
      'apiTokens',
      { memberId: 'ID' },
      fc.record({ memberId: hostileId(f.memberIds) }, { requiredKeys: [] }),
      'id prefix',
      someMember,
    ),
    argumentQuery(
      'myEscalations',
      { filter: 'MyEscalationsFilter', first: 'Int', after: 'String' },
      fc.record(
        {
          filter: hostileInput(
            { requestType: fc.constant(['TAKEDOWN']), status: fc.constant(['OPEN']) },
            {
              requestType: hostileList(hostileEnum(REQUEST_TYPES), 'TAKEDOWN'),
              status: hostileList(hostileEnum(ESCALATION_STATUSES), 'OPEN'),
            },
          ),
          first: hostileInt,
          after: hostileCursor([]),
        },
        { requiredKeys: [] },
      ),
      'totalCount edges { cursor node { escalation { id } } }',
      someMember,
    ),
  );
};
