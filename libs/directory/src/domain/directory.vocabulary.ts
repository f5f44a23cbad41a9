/** Closed vocabularies of the directory, shared by events, read models and GraphQL enums. */

export const ORGANISATION_KINDS = [
  'CSIRT',
  'REGISTRY',
  'REGISTRAR',
  'HOSTING_PLATFORM',
  'COORDINATION_CENTRE',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** What a contact point is for; `TWENTY_FOUR_SEVEN` is the out-of-hours line. */
export const CONTACT_ROLES = ['ABUSE', 'INCIDENT', 'ESCALATION', 'TWENTY_FOUR_SEVEN'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** How much a routing answer about one party can be relied on. */
export const CONFIDENCES = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** IANA root zone types, as the Root Zone Database names them. */
export const TLD_TYPES = [
  'GENERIC',
  'COUNTRY_CODE',
  'GENERIC_RESTRICTED',
  'SPONSORED',
  'INFRASTRUCTURE',
  'TEST',
] as const;
export type TldType = (typeof TLD_TYPES)[number];
