import type { Viewer } from '@app/core';

/** FIRST TLP 2.0 markings, from most to least restrictive (the incident vocabulary's values). */
export type TlpMarking = 'RED' | 'AMBER_STRICT' | 'AMBER' | 'GREEN' | 'CLEAR';

/** What the policy needs to know about an incident: its marking and who is involved. */
export interface IncidentAccessFacts {
  readonly tlp: TlpMarking;
  readonly reporterOrganisationId: string | null;
  /** Organisations the reporter or a coordinator named as recipients (shareIncident). */
  readonly recipientOrganisationIds: readonly string[];
  /** Organisations an escalation addressed. */
  readonly addressedOrganisationIds: readonly string[];
}

/** How a viewer stands to an incident; a viewer may hold several relations at once. */
export type Relation =
  'COORDINATOR' | 'REPORTER' | 'RECIPIENT' | 'ADDRESSED' | 'VERIFIED_COMMUNITY' | 'MEMBER';

export function relationsOf(viewer: Viewer, facts: IncidentAccessFacts): ReadonlySet<Relation> {
  const relations = new Set<Relation>(['MEMBER']);
  if (viewer.role === 'COORDINATOR') relations.add('COORDINATOR');
  if (facts.reporterOrganisationId === viewer.organisationId) relations.add('REPORTER');
  if (facts.recipientOrganisationIds.includes(viewer.organisationId)) relations.add('RECIPIENT');
  if (facts.addressedOrganisationIds.includes(viewer.organisationId)) relations.add('ADDRESSED');
  if (viewer.organisationVerified) relations.add('VERIFIED_COMMUNITY');
  return relations;
}

/**
 * Who may see an incident under each TLP 2.0 marking. RED: named recipients only — the reporting
 * organisation, organisations it (or the centre) named, and the centre the report was made to; a
 * party is addressed only once named. AMBER+STRICT and AMBER: the organisations involved (reporter,
 * named, addressed) and the centre; AMBER's "clients on a need-to-know basis" is sharing outside
 * dnscc, which the centre does not do for them. GREEN: also the verified community. CLEAR: every member.
 */
export const VISIBLE_TO: Readonly<Record<TlpMarking, readonly Relation[]>> = {
  RED: ['COORDINATOR', 'REPORTER', 'RECIPIENT'],
  AMBER_STRICT: ['COORDINATOR', 'REPORTER', 'RECIPIENT', 'ADDRESSED'],
  AMBER: ['COORDINATOR', 'REPORTER', 'RECIPIENT', 'ADDRESSED'],
  GREEN: ['COORDINATOR', 'REPORTER', 'RECIPIENT', 'ADDRESSED', 'VERIFIED_COMMUNITY'],
  CLEAR: ['MEMBER'],
};

export const INCIDENT_ACTIONS = [
  'VIEW',
  'COMMENT',
  'TRIAGE',
  'ADD_DOMAIN',
  'ATTACH_EVIDENCE',
  'RESOLVE',
  'REOPEN',
  'ESCALATE',
  'REROUTE',
  'SHARE',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/**
 * Who may act on an incident they can see. The reporter owns its report's content; the centre triages;
 * every involved organisation may discuss it; seeing a CLEAR or GREEN incident is not involvement.
 */
export const ALLOWED_TO: Readonly<Record<IncidentAction, readonly Relation[]>> = {
  VIEW: ['MEMBER'],
  COMMENT: ['COORDINATOR', 'REPORTER', 'RECIPIENT', 'ADDRESSED'],
  TRIAGE: ['COORDINATOR'],
  ADD_DOMAIN: ['COORDINATOR', 'REPORTER'],
  ATTACH_EVIDENCE: ['COORDINATOR', 'REPORTER', 'ADDRESSED'],
  RESOLVE: ['COORDINATOR', 'REPORTER'],
  REOPEN: ['COORDINATOR', 'REPORTER'],
  ESCALATE: ['COORDINATOR', 'REPORTER'],
  REROUTE: ['COORDINATOR', 'REPORTER'],
  SHARE: ['COORDINATOR', 'REPORTER'],
};

const holdsAny = (relations: ReadonlySet<Relation>, allowed: readonly Relation[]): boolean =>
  allowed.some((relation) => relations.has(relation));

export function canSee(viewer: Viewer, facts: IncidentAccessFacts): boolean {
  return holdsAny(relationsOf(viewer, facts), VISIBLE_TO[facts.tlp]);
}

export function canDo(viewer: Viewer, action: IncidentAction, facts: IncidentAccessFacts): boolean {
  const relations = relationsOf(viewer, facts);
  return holdsAny(relations, VISIBLE_TO[facts.tlp]) && holdsAny(relations, ALLOWED_TO[action]);
}
