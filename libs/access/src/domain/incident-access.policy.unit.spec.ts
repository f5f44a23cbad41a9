import fc from 'fast-check';
import type { MemberRole, Viewer } from '@app/core';
import {
  canDo,
  canSee,
  INCIDENT_ACTIONS,
  type IncidentAccessFacts,
  type IncidentAction,
  type Relation,
  relationsOf,
  type TlpMarking,
} from './incident-access.policy';

const TLPS: readonly TlpMarking[] = ['RED', 'AMBER_STRICT', 'AMBER', 'GREEN', 'CLEAR'];

/** One letter per action, in the column order of the table below. */
const LETTERS: Readonly<Record<IncidentAction, string>> = {
  VIEW: 'V',
  COMMENT: 'C',
  TRIAGE: 'T',
  ADD_DOMAIN: 'D',
  ATTACH_EVIDENCE: 'E',
  RESOLVE: 'R',
  REOPEN: 'O',
  ESCALATE: 'S',
  REROUTE: 'X',
  SHARE: 'H',
};
const COLUMNS = 'VCTDEROSXH';

/**
 * What each viewer may do, written by hand from TLP 2.0 and the product's rules, for every
 * combination of the relations a viewer can hold (MEMBER always holds): C coordinator, P reporter,
 * R named recipient, A addressed by an escalation, V verified community. A cell lists the actions
 * allowed, in the order V view, C comment, T triage, D add domain, E attach evidence, R resolve,
 * O reopen, S escalate, X reroute, H share; '.' is refused.
 */
// prettier-ignore
const EXPECTED: readonly (readonly [string, string, string, string, string, string])[] = [
  // relations   RED           AMBER_STRICT  AMBER         GREEN         CLEAR
  ['.....',     '..........', '..........', '..........', '..........', 'V.........'],
  ['....V',     '..........', '..........', '..........', 'V.........', 'V.........'],
  ['...A.',     '..........', 'VC..E.....', 'VC..E.....', 'VC..E.....', 'VC..E.....'],
  ['...AV',     '..........', 'VC..E.....', 'VC..E.....', 'VC..E.....', 'VC..E.....'],
  ['..R..',     'VC........', 'VC........', 'VC........', 'VC........', 'VC........'],
  ['..R.V',     'VC........', 'VC........', 'VC........', 'VC........', 'VC........'],
  ['..RA.',     'VC..E.....', 'VC..E.....', 'VC..E.....', 'VC..E.....', 'VC..E.....'],
  ['..RAV',     'VC..E.....', 'VC..E.....', 'VC..E.....', 'VC..E.....', 'VC..E.....'],
  ['.P...',     'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH'],
  ['.P..V',     'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH'],
  ['.P.A.',     'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH'],
  ['.P.AV',     'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH'],
  ['.PR..',     'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH'],
  ['.PR.V',     'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH'],
  ['.PRA.',     'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH'],
  ['.PRAV',     'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH', 'VC.DEROSXH'],
  ['C....',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['C...V',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['C..A.',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['C..AV',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['C.R..',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['C.R.V',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['C.RA.',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['C.RAV',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['CP...',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['CP..V',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['CP.A.',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['CP.AV',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['CPR..',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['CPR.V',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['CPRA.',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
  ['CPRAV',     'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH', 'VCTDEROSXH'],
];

const ME = 'org-viewer';

function viewerWith(role: MemberRole, organisationId: string, verified: boolean): Viewer {
  return {
    memberId: `member-of-${organisationId}`,
    memberName: 'Analyst',
    organisationId,
    organisationName: organisationId,
    role,
    admin: false,
    organisationVerified: verified,
    tokenId: 'token-1',
  };
}

/** A viewer and an incident's facts in which the viewer holds exactly the relations of `mask`. */
function situation(mask: string, tlp: TlpMarking): { viewer: Viewer; facts: IncidentAccessFacts } {
  const [c, p, r, a, v] = [0, 1, 2, 3, 4].map((i) => mask[i] !== '.');
  return {
    viewer: viewerWith(c ? 'COORDINATOR' : 'CSIRT', ME, v === true),
    facts: {
      tlp,
      reporterOrganisationId: p ? ME : 'org-reporter',
      recipientOrganisationIds: r ? ['org-other', ME] : ['org-other'],
      addressedOrganisationIds: a ? [ME, 'org-registrar'] : ['org-registrar'],
    },
  };
}

const RELATION_OF_FLAG: readonly Relation[] = [
  'COORDINATOR',
  'REPORTER',
  'RECIPIENT',
  'ADDRESSED',
  'VERIFIED_COMMUNITY',
];

const cases = EXPECTED.flatMap(([mask, ...cells]) =>
  TLPS.flatMap((tlp, t) =>
    INCIDENT_ACTIONS.map((action) => ({
      mask,
      tlp,
      action,
      allowed: (cells[t] ?? '').includes(LETTERS[action]),
    })),
  ),
);

describe('incident access policy (TLP 2.0)', () => {
  it('has a hand-written expectation for every relation combination and every action', () => {
    expect(new Set(EXPECTED.map(([mask]) => mask)).size).toBe(32);
    expect(Object.values(LETTERS).join('')).toBe(COLUMNS);
    expect(INCIDENT_ACTIONS.map((action) => LETTERS[action]).join('')).toBe(COLUMNS);
    expect(cases).toHaveLength(32 * TLPS.length * INCIDENT_ACTIONS.length);
  });

  it.each(EXPECTED.map(([mask]) => mask))('derives exactly the relations %s (and MEMBER)', (mask) => {
    const { viewer, facts } = situation(mask, 'RED');
    const expected = RELATION_OF_FLAG.filter((_, i) => mask[i] !== '.');
    expect([...relationsOf(viewer, facts)].sort()).toEqual([...expected, 'MEMBER'].sort());
  });

  it.each(cases)('$mask on TLP:$tlp may $action: $allowed', ({ mask, tlp, action, allowed }) => {
    const { viewer, facts } = situation(mask, tlp);
    expect(canDo(viewer, action, facts)).toBe(allowed);
    if (action === 'VIEW') expect(canSee(viewer, facts)).toBe(allowed);
  });

  it('treats an incident without a reporting organisation as reported by nobody', () => {
    const viewer = viewerWith('CSIRT', ME, false);
    const facts: IncidentAccessFacts = {
      tlp: 'AMBER',
      reporterOrganisationId: null,
      recipientOrganisationIds: [],
      addressedOrganisationIds: [],
    };
    expect(relationsOf(viewer, facts).has('REPORTER')).toBe(false);
    expect(canSee(viewer, facts)).toBe(false);
  });
});

const ORGS = ['org-a', 'org-b', 'org-c', 'org-d'];
const viewers: fc.Arbitrary<Viewer> = fc
  .record({
    role: fc.constantFrom<MemberRole>('COORDINATOR', 'CSIRT', 'REGISTRY', 'REGISTRAR', 'PLATFORM'),
    organisationId: fc.constantFrom(...ORGS),
    verified: fc.boolean(),
  })
  .map(({ role, organisationId, verified }) => viewerWith(role, organisationId, verified));
const factsOf: fc.Arbitrary<IncidentAccessFacts> = fc.record({
  tlp: fc.constantFrom(...TLPS),
  reporterOrganisationId: fc.option(fc.constantFrom(...ORGS), { nil: null }),
  recipientOrganisationIds: fc.uniqueArray(fc.constantFrom(...ORGS)),
  addressedOrganisationIds: fc.uniqueArray(fc.constantFrom(...ORGS)),
});
const actions = fc.constantFrom(...INCIDENT_ACTIONS);

describe('incident access policy properties', () => {
  it('allows an action only on an incident the viewer can see', () => {
    fc.assert(
      fc.property(viewers, actions, factsOf, (viewer, action, facts) => {
        expect(!canDo(viewer, action, facts) || canSee(viewer, facts)).toBe(true);
      }),
    );
  });

  it('lets a viewer VIEW exactly what it can see', () => {
    fc.assert(
      fc.property(viewers, factsOf, (viewer, facts) => {
        expect(canDo(viewer, 'VIEW', facts)).toBe(canSee(viewer, facts));
      }),
    );
  });

  it('lets a coordinator see and do everything', () => {
    fc.assert(
      fc.property(viewers, actions, factsOf, (viewer, action, facts) => {
        const coordinator = { ...viewer, role: 'COORDINATOR' as const };
        expect(canSee(coordinator, facts)).toBe(true);
        expect(canDo(coordinator, action, facts)).toBe(true);
      }),
    );
  });

  it('shows a CLEAR incident to any member', () => {
    fc.assert(
      fc.property(viewers, factsOf, (viewer, facts) => {
        expect(canSee(viewer, { ...facts, tlp: 'CLEAR' })).toBe(true);
      }),
    );
  });

  it('never shows more as the marking gets stricter', () => {
    fc.assert(
      fc.property(viewers, factsOf, (viewer, facts) => {
        const seen = TLPS.map((tlp) => canSee(viewer, { ...facts, tlp }));
        seen.slice(1).forEach((looser, i) => {
          expect(!seen[i] || looser).toBe(true);
        });
      }),
    );
  });

  it('never takes a permission away when the viewer gets more involved', () => {
    const more = fc.record({ recipient: fc.boolean(), addressed: fc.boolean(), verified: fc.boolean() });
    fc.assert(
      fc.property(viewers, actions, factsOf, more, (viewer, action, facts, extra) => {
        const involved = { ...viewer, organisationVerified: viewer.organisationVerified || extra.verified };
        const wider: IncidentAccessFacts = {
          ...facts,
          recipientOrganisationIds: extra.recipient
            ? [...facts.recipientOrganisationIds, viewer.organisationId]
            : facts.recipientOrganisationIds,
          addressedOrganisationIds: extra.addressed
            ? [...facts.addressedOrganisationIds, viewer.organisationId]
            : facts.addressedOrganisationIds,
        };
        expect(!canDo(viewer, action, facts) || canDo(involved, action, wider)).toBe(true);
      }),
    );
  });

  it("depends on another organisation's involvement not at all", () => {
    fc.assert(
      fc.property(viewers, actions, factsOf, fc.constantFrom(...ORGS), (viewer, action, facts, other) => {
        fc.pre(other !== viewer.organisationId);
        const noisier: IncidentAccessFacts = {
          ...facts,
          recipientOrganisationIds: [...facts.recipientOrganisationIds, other],
          addressedOrganisationIds: [...facts.addressedOrganisationIds, other],
        };
        expect(canDo(viewer, action, noisier)).toBe(canDo(viewer, action, facts));
      }),
    );
  });
});
