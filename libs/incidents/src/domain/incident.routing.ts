import type { RoutingDecision } from '@app/directory';

/**
 * What a routing decision says, without when it was made or when its sources were read: two
 * decisions with the same fingerprint send the case to the same parties for the same reasons.
 */
export function routingFingerprint(decision: RoutingDecision): string {
  return JSON.stringify([
    decision.tldType,
    decision.country,
    decision.chain.map((p) => [p.role, p.organisationId, p.name, p.ianaId, p.confidence, p.contacts]),
    decision.unknowns.map((u) => [u.role, u.reason]),
  ]);
}
