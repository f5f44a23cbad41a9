import type { Confidence } from '../directory.vocabulary';
import type { DirectoryParty, RoutedParty, RoutingEvidence, TldFacts } from './routing-decision';

/**
 * What routing found out about one role: the party, and what remains unknown about it. A party
 * can be known with a gap (a platform the PSL names but nobody in the directory can be reached at).
 */
export type RoleFinding =
  | { readonly party: RoutedParty; readonly gap: string | null }
  | { readonly party: null; readonly gap: string };

export const unknownRole = (gap: string): RoleFinding => ({ party: null, gap });

/** A known party; when it has no contact at all, `noContactReason` says why nobody can be reached. */
export function knownParty(party: RoutedParty, noContactReason: string): RoleFinding {
  return { party, gap: party.contacts.length === 0 ? noContactReason : null };
}

/** The PSL ships offline with the code, so it is as current as the decision itself. */
export const PSL_SOURCE = 'Public Suffix List (tldts)';

export const pslEvidence = (decidedAt: string): RoutingEvidence => ({
  source: PSL_SOURCE,
  fetchedAt: decidedAt,
});

export const directoryEvidence = (party: DirectoryParty): RoutingEvidence => ({
  source: party.source,
  fetchedAt: party.recordedAt,
});

export const rootZoneEvidence = (tld: TldFacts): RoutingEvidence => ({
  source: tld.source,
  fetchedAt: tld.recordedAt,
});

export const rdapEvidence = (sources: readonly string[], fetchedAt: string): RoutingEvidence[] =>
  sources.map((url) => ({ source: `RDAP ${url}`, fetchedAt }));

/** Drops repeated (source, fetchedAt) pairs, keeping the first, so evidence reads once per source. */
export function distinctEvidence(evidence: readonly RoutingEvidence[]): RoutingEvidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = JSON.stringify([item.source, item.fetchedAt]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A coordinator verified the organisation; an imported list (e.g. of CSIRTs) is only a claim. */
export const directoryConfidence = (party: DirectoryParty): Confidence =>
  party.verified ? 'HIGH' : 'MEDIUM';
