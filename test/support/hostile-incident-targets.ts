import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { hostileEmail } from './hostile-contacts';
import { hostileDomain, hostileUrl, validDomain } from './hostile-domains';
import { hostileBase64, hostileCursor, hostileId, hostileMediaType, hostileSha256 } from './hostile-ids';
import type { HostileRequest } from './hostile-request';
import { hostileDate, hostileEnum, hostileInt } from './hostile-scalars';
import {
  allIds,
  argumentQuery,
  CATEGORIES,
  EVIDENCE_KINDS,
  type HostileFixtures,
  inputOperation,
  OUTCOMES,
  SEVERITIES,
  STATUSES,
  TLPS,
} from './hostile-targets';
import { hostileInput, hostileList, hostileString } from './hostile-values';

/** Hostile requests to the incident core: reports, their validation, reads, lists and changes. */

export const REPORT_SELECTION = 'replayed incident { id version description domains { name } urls }';

/** A report whose every field is valid, hostile or left out. */
export const hostileReport = (idempotencyKey: fc.Arbitrary<unknown> = hostileString): fc.Arbitrary<unknown> =>
  hostileInput(
    {
      domains: fc.array(validDomain, { minLength: 1, maxLength: 3 }),
      urls: fc.constant(['https://login-paypa1.example.com/signin']),
      category: fc.constantFrom(...CATEGORIES),
      description: fc.constantFrom('Credential phishing page', 'Malware download'),
      tlp: fc.constantFrom(...TLPS),
      contact: fc.constant('analyst@cert.ee'),
      idempotencyKey: fc.uuid(),
    },
    {
      domains: hostileList(hostileDomain, 'a.com'),
      urls: hostileList(hostileUrl, 'https://a.com/'),
      category: hostileEnum(CATEGORIES),
      description: hostileString,
      tlp: hostileEnum(TLPS),
      contact: fc.oneof(hostileEmail, hostileUrl, hostileString),
      idempotencyKey,
    },
    ['domains', 'category', 'description'],
  );

export const reportIncident = (): fc.Arbitrary<HostileRequest> =>
  inputOperation('mutation', 'reportIncident', 'ReportIncidentInput', hostileReport(), REPORT_SELECTION);

/** Validation only: even an accepted answer stores nothing. */
export const validateIncidentReport = (): fc.Arbitrary<HostileRequest> =>
  inputOperation(
    'mutation',
    'validateIncidentReport',
    'ReportIncidentInput',
    hostileReport(),
    'domains { name } urls',
    {
      writes: false,
    },
  );

export const incidentReads = (f: HostileFixtures): fc.Arbitrary<HostileRequest> => {
  const incident = hostileId(f.incidentIds);
  return fc.oneof(
    argumentQuery(
      'incident',
      { id: 'ID!' },
      fc.record({ id: incident }),
      'id version status timeline { type }',
    ),
    argumentQuery(
      'incidentAsOf',
      { id: 'ID!', at: 'DateTime!' },
      fc.record({ id: incident, at: hostileDate }),
      'id version status',
    ),
    argumentQuery(
      'evidenceContent',
      { incidentId: 'ID!', evidenceId: 'ID!' },
      fc.record({ incidentId: incident, evidenceId: hostileId([...f.evidenceIds, ...allIds(f)]) }),
      'evidenceId size sha256 mediaType',
    ),
  );
};

const incidentFilter = hostileInput(
  {
    category: fc.constant(['PHISHING']),
    domain: validDomain,
    reportedAfter: fc.constant('2020-01-01T00:00:00Z'),
    reportedBefore: fc.constant('2100-01-01T00:00:00Z'),
    severity: fc.constant(['HIGH']),
    status: fc.constant(['REPORTED']),
    tld: fc.constant('com'),
    tlp: fc.constant(['AMBER']),
  },
  {
    category: hostileList(hostileEnum(CATEGORIES), 'PHISHING'),
    domain: hostileDomain,
    reportedAfter: hostileDate,
    reportedBefore: hostileDate,
    severity: hostileList(hostileEnum(SEVERITIES), 'HIGH'),
    status: hostileList(hostileEnum(STATUSES), 'REPORTED'),
    tld: fc.oneof(hostileDomain, hostileString),
    tlp: hostileList(hostileEnum(TLPS), 'AMBER'),
  },
);

export const incidentLists = (f: HostileFixtures): fc.Arbitrary<HostileRequest> =>
  argumentQuery(
    'incidents',
    { filter: 'IncidentFilter', first: 'Int', after: 'String' },
    fc.record(
      { filter: incidentFilter, first: hostileInt, after: hostileCursor(f.incidentCursors) },
      { requiredKeys: [] },
    ),
    'totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }',
  );

/** Every change to an existing incident, on the suite's incidents or on hostile ids. */
export const incidentChanges = (f: HostileFixtures): fc.Arbitrary<HostileRequest> => {
  const incidentId = hostileId(f.incidentIds);
  const version = fc.oneof(fc.constant(undefined), hostileInt);
  const selection = 'incident { id version status }';
  const change = (root: string, type: string, fields: Record<string, fc.Arbitrary<unknown>>) =>
    inputOperation(
      'mutation',
      root,
      type,
      hostileInput(
        { incidentId: fc.constantFrom(...f.incidentIds), ...validOf(fields) },
        { incidentId, ...fields },
        ['incidentId'],
      ),
      selection,
    );
  return fc.oneof(
    change('triageIncident', 'TriageIncidentInput', {
      severity: hostileEnum(SEVERITIES),
      category: hostileEnum(CATEGORIES),
      note: hostileString,
      expectedVersion: version,
    }),
    change('commentOnIncident', 'CommentOnIncidentInput', { text: hostileString, expectedVersion: version }),
    change('addIncidentDomain', 'AddIncidentDomainInput', {
      domain: hostileDomain,
      expectedVersion: version,
    }),
    change('resolveIncident', 'ResolveIncidentInput', {
      outcome: hostileEnum(OUTCOMES),
      note: hostileString,
      expectedVersion: version,
    }),
    change('reopenIncident', 'ReopenIncidentInput', { reason: hostileString, expectedVersion: version }),
    change('rerouteIncident', 'RerouteIncidentInput', {}),
    change('shareIncident', 'ShareIncidentInput', { organisationId: hostileId(f.organisationIds) }),
  );
};

/** Valid stand-ins for the hostile fields of a change: the first valid-looking value of each. */
function validOf(fields: Record<string, fc.Arbitrary<unknown>>): Record<string, fc.Arbitrary<unknown>> {
  const valid: Record<string, fc.Arbitrary<unknown>> = {
    severity: fc.constantFrom(...SEVERITIES),
    category: fc.constantFrom(...CATEGORIES),
    outcome: fc.constantFrom(...OUTCOMES),
    note: fc.constant('checked'),
    text: fc.constant('Registrar contacted'),
    reason: fc.constant('Resolves again'),
    domain: validDomain,
    expectedVersion: fc.constant(undefined),
  };
  return Object.fromEntries(
    Object.keys(fields).map((key) => [key, valid[key] ?? fields[key] ?? fc.constant(undefined)]),
  );
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Evidence: content, hash, size, media type and kind, consistent or not. */
export const attachEvidence = (f: HostileFixtures): fc.Arbitrary<HostileRequest> => {
  const consistent = fc.tuple(fc.uint8Array({ maxLength: 5_000 }), fc.boolean()).map(([bytes, upper]) => ({
    contentBase64: Buffer.from(bytes).toString('base64'),
    sha256: upper ? sha256(bytes).toUpperCase() : sha256(bytes),
  }));
  const input = fc
    .tuple(
      hostileInput(
        {
          incidentId: fc.constantFrom(...f.incidentIds),
          kind: fc.constantFrom(...EVIDENCE_KINDS),
          mediaType: fc.constant('text/html'),
          note: fc.constant('capture'),
          size: fc.nat(10_000),
          expectedVersion: fc.constant(undefined),
        },
        {
          incidentId: hostileId(f.incidentIds),
          kind: hostileEnum(EVIDENCE_KINDS),
          mediaType: hostileMediaType,
          note: hostileString,
          size: hostileInt,
          expectedVersion: hostileInt,
        },
        ['incidentId', 'kind'],
      ),
      fc.oneof(
        consistent,
        fc.record({ contentBase64: hostileBase64, sha256: hostileSha256 }, { requiredKeys: [] }),
      ),
    )
    .map(([fields, content]) =>
      typeof fields === 'object' && fields !== null && !Array.isArray(fields)
        ? { ...fields, ...content }
        : fields,
    );
  return inputOperation(
    'mutation',
    'attachEvidence',
    'AttachEvidenceInput',
    input,
    'incident { id version evidence { id } }',
  );
};
