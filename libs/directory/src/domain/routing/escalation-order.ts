import type { RoutedParty, RoutedRole } from './routing-decision';

/**
 * Who is asked first for abuse of a registration: the platform that handed out the name (only
 * under a private suffix), then the registrar that sponsors it and can act fastest, then the
 * registry above it, then the national CSIRT of a ccTLD, and the coordination centre last.
 */
export const DEFAULT_ESCALATION_ORDER: readonly RoutedRole[] = Object.freeze([
  'PLATFORM',
  'REGISTRAR',
  'REGISTRY',
  'NATIONAL_CSIRT',
  'COORDINATION_CENTRE',
] as const);

/**
 * Poisoned caches and amplifying resolvers are run by network operators in a country, not by
 * anyone in the registration chain, so the national CSIRT that reaches those operators comes
 * before registrar and registry. The platform still leads under a private suffix: it can take the
 * name down.
 */
const NETWORK_OPERATORS_FIRST: readonly RoutedRole[] = Object.freeze([
  'PLATFORM',
  'NATIONAL_CSIRT',
  'REGISTRAR',
  'REGISTRY',
  'COORDINATION_CENTRE',
] as const);

/**
 * Escalation order by incident category; a category not listed uses {@link DEFAULT_ESCALATION_ORDER}.
 *
 * | category             | order                                                                  |
 * |----------------------|------------------------------------------------------------------------|
 * | CACHE_POISONING      | PLATFORM, NATIONAL_CSIRT, REGISTRAR, REGISTRY, COORDINATION_CENTRE      |
 * | DDOS_AMPLIFICATION   | PLATFORM, NATIONAL_CSIRT, REGISTRAR, REGISTRY, COORDINATION_CENTRE      |
 * | (any other)          | PLATFORM, REGISTRAR, REGISTRY, NATIONAL_CSIRT, COORDINATION_CENTRE      |
 *
 * A Map, not an object, so that a category such as `constructor` cannot hit a prototype member.
 */
export const ESCALATION_ORDER_BY_CATEGORY: ReadonlyMap<string, readonly RoutedRole[]> = new Map([
  ['CACHE_POISONING', NETWORK_OPERATORS_FIRST],
  ['DDOS_AMPLIFICATION', NETWORK_OPERATORS_FIRST],
]);

export function escalationOrder(category: string): readonly RoutedRole[] {
  return ESCALATION_ORDER_BY_CATEGORY.get(category) ?? DEFAULT_ESCALATION_ORDER;
}

/**
 * The known parties in `order`. The directory gives each organisation one kind, but the facts may
 * still name one organisation in two roles (a registry also listed as its country's CSIRT): it is
 * asked once, at its first place, so nobody gets the same request twice.
 */
export function escalationChain(
  order: readonly RoutedRole[],
  parties: Readonly<Record<RoutedRole, RoutedParty | null>>,
): RoutedParty[] {
  const asked = new Set<string>();
  const chain: RoutedParty[] = [];
  for (const role of order) {
    const party = parties[role];
    if (party === null) continue;
    if (party.organisationId !== null) {
      if (asked.has(party.organisationId)) continue;
      asked.add(party.organisationId);
    }
    chain.push(party);
  }
  return chain;
}
