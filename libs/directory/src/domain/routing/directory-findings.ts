import type { DomainName } from '@app/core';
import type { RoleFinding } from './role-finding';
import {
  directoryConfidence,
  directoryEvidence,
  distinctEvidence,
  knownParty,
  pslEvidence,
  rootZoneEvidence,
  unknownRole,
} from './role-finding';
import type { DirectoryParty, TldFacts } from './routing-decision';
import { nationalCsirtCountry } from './routing-keys';

/**
 * Under a private suffix the platform is responsible because the PSL says its operator hands out
 * the names below it: that fact is HIGH even when the directory has nobody to contact there.
 */
export function platformFinding(
  domain: DomainName,
  platform: DirectoryParty | null,
  decidedAt: string,
): RoleFinding {
  const suffix = domain.publicSuffix;
  if (!domain.isPrivateSuffix) {
    return unknownRole(
      `${suffix} is an ICANN public suffix, not a private one: no hosting platform answers for it`,
    );
  }
  const party = {
    role: 'PLATFORM' as const,
    organisationId: platform?.organisationId ?? null,
    name: platform?.name ?? `operator of ${suffix}`,
    ianaId: platform?.ianaId ?? null,
    contacts: platform?.contacts ?? [],
    confidence: 'HIGH' as const,
    evidence: [pslEvidence(decidedAt), ...(platform === null ? [] : [directoryEvidence(platform)])],
  };
  if (platform === null) {
    return {
      party,
      gap: `no directory organisation covers the private suffix ${suffix}, so no contact for its operator is known`,
    };
  }
  return knownParty(party, `the directory has no contact for ${platform.name}, the operator of ${suffix}`);
}

/**
 * The root zone is IANA's record of who runs a TLD (HIGH). Without it, a directory organisation
 * covering the TLD is still a fact, as reliable as its verification.
 */
export function registryFinding(
  tld: string,
  facts: TldFacts | null,
  registry: DirectoryParty | null,
): RoleFinding {
  if (facts === null && registry === null) {
    return unknownRole(`.${tld} is not in the imported root zone data and no directory registry covers it`);
  }
  const party = {
    role: 'REGISTRY' as const,
    organisationId: registry?.organisationId ?? facts?.registryOrganisationId ?? null,
    name: registry?.name ?? facts?.registryOperator ?? `registry of .${tld}`,
    ianaId: registry?.ianaId ?? null,
    contacts: registry?.contacts ?? [],
    confidence: facts === null && registry !== null ? directoryConfidence(registry) : ('HIGH' as const),
    evidence: distinctEvidence([
      ...(facts === null ? [] : [rootZoneEvidence(facts)]),
      ...(registry === null ? [] : [directoryEvidence(registry)]),
    ]),
  };
  return knownParty(
    party,
    registry === null
      ? `no directory organisation covers .${tld}, so no contact for its registry is known`
      : `the directory has no contact for ${registry.name}`,
  );
}

/**
 * Only a ccTLD has a country, and a national CSIRT covers countries, so a gTLD never routes to one
 * (its registrant may live anywhere). A CSIRT passed for a TLD without a country is ignored.
 */
export function csirtFinding(tld: string, facts: TldFacts | null, csirt: DirectoryParty | null): RoleFinding {
  if (facts === null) {
    return unknownRole(
      `the country behind .${tld} is unknown: the TLD is not in the imported root zone data`,
    );
  }
  const country = nationalCsirtCountry(facts);
  if (country === null) {
    const type = facts.type.toLowerCase().replace('_', '-');
    return unknownRole(
      facts.type === 'COUNTRY_CODE'
        ? `the root zone data gives no country for the ccTLD .${tld}`
        : `.${tld} is a ${type} TLD, not a ccTLD: it has no country, so no national CSIRT covers it`,
    );
  }
  if (csirt === null) return unknownRole(`no directory CSIRT covers ${country}, the country of .${tld}`);
  const party = {
    role: 'NATIONAL_CSIRT' as const,
    organisationId: csirt.organisationId,
    name: csirt.name,
    ianaId: null,
    contacts: csirt.contacts,
    confidence: directoryConfidence(csirt),
    // The directory says whom to call; the root zone says which country that must be.
    evidence: distinctEvidence([directoryEvidence(csirt), rootZoneEvidence(facts)]),
  };
  return knownParty(party, `the directory has no contact for ${csirt.name}`);
}

/** The centre is the last resort of every chain, so it must be in the directory to be reached. */
export function coordinationCentreFinding(centre: DirectoryParty | null): RoleFinding {
  if (centre === null) return unknownRole('the directory has no coordination centre organisation');
  const party = {
    role: 'COORDINATION_CENTRE' as const,
    organisationId: centre.organisationId,
    name: centre.name,
    ianaId: null,
    contacts: centre.contacts,
    confidence: directoryConfidence(centre),
    evidence: [directoryEvidence(centre)],
  };
  return knownParty(party, `the directory has no contact for ${centre.name}`);
}
