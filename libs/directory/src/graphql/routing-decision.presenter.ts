import type { RoutedParty, RoutingDecision } from '../domain/routing/routing-decision';
import type { RoutedPartyType, RoutingDecisionType } from './routing-decision.type';

/** The GraphQL shape of a decision: `organisation` holds the id, the rest is as decided. */
export function presentRoutingDecision(decision: RoutingDecision): RoutingDecisionType {
  const party = (p: RoutedParty | null): RoutedPartyType | null =>
    p === null
      ? null
      : {
          role: p.role,
          organisation: p.organisationId,
          name: p.name,
          ianaId: p.ianaId,
          contacts: p.contacts.map((c) => ({ ...c })),
          confidence: p.confidence,
          evidence: p.evidence.map((e) => ({ ...e })),
        };
  return {
    ...decision,
    platform: party(decision.platform),
    registry: party(decision.registry),
    registrar: party(decision.registrar),
    csirt: party(decision.csirt),
    chain: decision.chain.map((p) => party(p) as RoutedPartyType),
    unknowns: decision.unknowns.map((u) => ({ ...u })),
  };
}
