import type { OrganisationKind, RoutedParty, RoutingDecision } from '@app/directory';
import type { EscalationParty } from '../domain/escalation.events';

const KIND_OF_ROLE: Readonly<Record<RoutedParty['role'], OrganisationKind>> = {
  PLATFORM: 'HOSTING_PLATFORM',
  REGISTRAR: 'REGISTRAR',
  REGISTRY: 'REGISTRY',
  NATIONAL_CSIRT: 'CSIRT',
  COORDINATION_CENTRE: 'COORDINATION_CENTRE',
};

/**
 * The parties of a routing decision an escalation can address, in escalation order: only those the
 * directory knows (a request needs an organisation whose members can answer it), each once.
 */
export function chainParties(decision: RoutingDecision | undefined): EscalationParty[] {
  const seen = new Set<string>();
  const parties: EscalationParty[] = [];
  for (const party of decision?.chain ?? []) {
    if (party.organisationId === null || seen.has(party.organisationId)) continue;
    seen.add(party.organisationId);
    parties.push({ organisationId: party.organisationId, name: party.name, kind: KIND_OF_ROLE[party.role] });
  }
  return parties;
}

/** Who is asked after `recipient`: the parties after it in the chain, or the whole chain without it. */
export function partiesAfter(chain: readonly EscalationParty[], recipientId: string): EscalationParty[] {
  const at = chain.findIndex((p) => p.organisationId === recipientId);
  return at < 0 ? chain.filter((p) => p.organisationId !== recipientId) : chain.slice(at + 1);
}
