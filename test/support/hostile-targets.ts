import fc from 'fast-check';
import { toGraphqlLiteral } from './hostile-encoding';
import { type Credentials, graphqlRequest, type HostileRequest } from './hostile-request';

/** The enum values of schema.gql the targets draw from (valid ones, before they are made hostile). */
export const CATEGORIES = [
  'BOTNET_CC',
  'CACHE_POISONING',
  'DDOS_AMPLIFICATION',
  'DNS_HIJACK',
  'FAST_FLUX',
  'MALWARE',
  'OTHER',
  'PHISHING',
  'SPAM',
] as const;
export const TLPS = ['AMBER', 'AMBER_STRICT', 'CLEAR', 'GREEN', 'RED'] as const;
export const SEVERITIES = ['CRITICAL', 'HIGH', 'LOW', 'MEDIUM'] as const;
export const STATUSES = ['REOPENED', 'REPORTED', 'RESOLVED', 'TRIAGED'] as const;
export const OUTCOMES = ['DUPLICATE', 'FALSE_POSITIVE', 'MITIGATED', 'NOT_ACTIONABLE', 'OTHER'] as const;
export const EVIDENCE_KINDS = [
  'DNS_RECORD',
  'EMAIL',
  'HTTP_CAPTURE',
  'LOG',
  'MALWARE_SAMPLE',
  'OTHER',
  'SCREENSHOT',
] as const;
export const ORGANISATION_KINDS = [
  'COORDINATION_CENTRE',
  'CSIRT',
  'HOSTING_PLATFORM',
  'REGISTRAR',
  'REGISTRY',
] as const;
export const CONTACT_ROLES = ['ABUSE', 'ESCALATION', 'INCIDENT', 'TWENTY_FOUR_SEVEN'] as const;
export const VERIFICATION_METHODS = [
  'DIRECT_CONTACT',
  'DOCUMENT_REVIEW',
  'FIRST_MEMBERSHIP',
  'GOVERNMENT_MANDATE',
  'IANA_RECORD',
  'PEER_VOUCHED',
  'TRUSTED_INTRODUCER',
] as const;
export const VERIFICATION_STATUSES = ['REVOKED', 'STALE', 'UNVERIFIED', 'VERIFIED'] as const;
export const REQUEST_TYPES = ['INFORMATION', 'INVESTIGATE', 'TAKEDOWN'] as const;
export const TAKEDOWN_ACTIONS = [
  'CLIENT_HOLD',
  'CONTENT_REMOVED',
  'DELETED',
  'DNS_CHANGED',
  'SERVER_HOLD',
  'SINKHOLED',
  'SUSPENDED',
  'TRANSFERRED',
] as const;
export const DECLINE_REASONS = [
  'INSUFFICIENT_EVIDENCE',
  'LEGAL_ORDER_REQUIRED',
  'NOT_ABUSE',
  'NOT_SPONSORED',
  'OTHER',
  'REFERRED_ELSEWHERE',
] as const;
export const ESCALATION_STATUSES = [
  'ACKNOWLEDGED',
  'ACTIONED',
  'AWAITING_INFORMATION',
  'DECLINED',
  'OPEN',
  'PENDING_APPROVAL',
  'WITHDRAWN',
] as const;

/** Input fields whose values are enums, written as bare names in inline literals. */
const ENUM_FIELDS: ReadonlySet<string> = new Set([
  'category',
  'tlp',
  'severity',
  'status',
  'outcome',
  'kind',
  'role',
  'method',
  'requestType',
  'action',
  'reasonCode',
  'verification',
]);

/** The ids the suite created, for targets to mix with random and malformed ones. */
export interface HostileFixtures {
  readonly incidentIds: readonly string[];
  readonly evidenceIds: readonly string[];
  readonly organisationIds: readonly string[];
  readonly contactIds: readonly string[];
  readonly memberIds: readonly string[];
  /** Tokens the suite may lose: never the coordinator's or the CSIRT member's working token. */
  readonly spareTokenIds: readonly string[];
  readonly escalationIds: readonly string[];
  readonly incidentCursors: readonly string[];
  readonly organisationCursors: readonly string[];
  readonly coordinatorToken: string;
}

export const allIds = (f: HostileFixtures): string[] => [
  ...f.incidentIds,
  ...f.evidenceIds,
  ...f.organisationIds,
  ...f.contactIds,
  ...f.memberIds,
  ...f.escalationIds,
];

/** Coordinator mostly; sometimes a CSIRT member, whose refusals must be typed too. */
export const someMember: fc.Arbitrary<Credentials> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Credentials>({ as: 'coordinator' }) },
  { weight: 1, arbitrary: fc.constant<Credentials>({ as: 'csirt' }) },
);

/**
 * `root(input: …)` with `input` sent as a variable (mostly) or written inline as a literal.
 * `writes` says whether an accepted answer may have stored something.
 */
export function inputOperation(
  kind: 'mutation' | 'query',
  root: string,
  inputType: string,
  input: fc.Arbitrary<unknown>,
  selection: string,
  options: { writes?: boolean; credentials?: fc.Arbitrary<Credentials> } = {},
): fc.Arbitrary<HostileRequest> {
  const writes = (options.writes ?? kind === 'mutation') ? root : null;
  return fc
    .tuple(input, fc.nat(4), options.credentials ?? fc.constant<Credentials>({ as: 'coordinator' }))
    .map(([value, how, credentials]) =>
      how === 0
        ? graphqlRequest(
            `${root} (inline)`,
            `${kind} { ${root}(input: ${toGraphqlLiteral(value, ENUM_FIELDS, 'input')}) { ${selection} } }`,
            {},
            { writes, credentials },
          )
        : graphqlRequest(
            root,
            `${kind} Hostile($input: ${inputType}!) { ${root}(input: $input) { ${selection} } }`,
            { input: value },
            { writes, credentials },
          ),
    );
}

/**
 * A query with arguments `args` (name → GraphQL type), sent as variables (mostly) or inline.
 */
export function argumentQuery(
  root: string,
  args: Readonly<Record<string, string>>,
  values: fc.Arbitrary<Record<string, unknown>>,
  selection: string,
  credentials: fc.Arbitrary<Credentials> = fc.constant<Credentials>({ as: 'coordinator' }),
): fc.Arbitrary<HostileRequest> {
  const names = Object.keys(args);
  return fc.tuple(values, fc.nat(4), credentials).map(([vars, how, who]) => {
    if (how === 0) {
      const inline = names
        .filter((name) => name in vars)
        .map((name) => `${name}: ${toGraphqlLiteral(vars[name], ENUM_FIELDS, name)}`);
      const list = inline.length > 0 ? `(${inline.join(', ')})` : '';
      return graphqlRequest(
        `${root} (inline)`,
        `{ ${root}${list} { ${selection} } }`,
        {},
        { credentials: who },
      );
    }
    const declared = names.map((name) => `$${name}: ${args[name] ?? 'String'}`).join(', ');
    const passed = names.map((name) => `${name}: $${name}`).join(', ');
    return graphqlRequest(
      root,
      `query Hostile${declared === '' ? '' : `(${declared})`} { ${root}${passed === '' ? '' : `(${passed})`} { ${selection} } }`,
      vars,
      { credentials: who },
    );
  });
}
