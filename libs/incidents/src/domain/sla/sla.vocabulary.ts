/** Closed vocabularies of the SLA policy, shared by escalations, their events and the policy file. */
import type { OrganisationKind } from '@app/directory';
import type { Severity } from '../incident.vocabulary';

/** What an escalation asks the party to do; the norms differ (NIS2 Art. 28(5) binds INFORMATION only). */
export const REQUEST_TYPES = ['TAKEDOWN', 'INVESTIGATE', 'INFORMATION'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/**
 * The two clocks of an escalation: ACKNOWLEDGEMENT runs until the party acknowledges, ACTION until
 * it records an action or declines.
 */
export const SLA_CLOCKS = ['ACKNOWLEDGEMENT', 'ACTION'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

/**
 * Every organisation kind, as a value. `@app/directory` exports the kind only as a type (its entry
 * also loads Nest modules, which a pure domain must not), so the list is repeated here and the
 * compiler rejects it when the directory gains a kind it lacks.
 */
export const SLA_PARTY_KINDS = [
  'CSIRT',
  'REGISTRY',
  'REGISTRAR',
  'HOSTING_PLATFORM',
  'COORDINATION_CENTRE',
] as const satisfies readonly OrganisationKind[];
const _everyKindListed: Exclude<OrganisationKind, (typeof SLA_PARTY_KINDS)[number]> extends never
  ? true
  : false = true;

/**
 * An untriaged incident has no severity yet; its escalations run on MEDIUM terms until triage
 * sets one, so a report is neither rushed nor left without a clock. `SlaTerms.severityAssumed` says so.
 */
export const UNTRIAGED_SEVERITY: Severity = 'MEDIUM';
