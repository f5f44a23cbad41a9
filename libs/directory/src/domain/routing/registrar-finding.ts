import type { Confidence } from '../directory.vocabulary';
import type { RdapDomainOutcome, RdapRegistrar } from './rdap-outcome';
import type { RoleFinding } from './role-finding';
import { directoryEvidence, distinctEvidence, knownParty, rdapEvidence, unknownRole } from './role-finding';
import { distinctContacts, rdapAbuseContacts } from './routed-contacts';
import type { DirectoryParty } from './routing-decision';

type FoundOutcome = Extract<RdapDomainOutcome, { kind: 'found' }>;

/**
 * The sponsoring registrar comes from RDAP only: the registry is the authority on who sponsors a
 * registration, and the directory merely adds what it knows about the registrar RDAP named.
 */
export function registrarFinding(
  rdapDomain: string,
  tld: string,
  rdap: RdapDomainOutcome,
  directoryRegistrar: DirectoryParty | null,
): RoleFinding {
  const askInstead = 'the registry and the national CSIRT are asked for the registrar instead';
  switch (rdap.kind) {
    case 'disabled':
      return unknownRole(`RDAP lookups are disabled in this deployment: ${askInstead}`);
    case 'no_service':
      return unknownRole(`.${tld} has no RDAP service (${rdap.reason}): ${askInstead}`);
    case 'failed':
      return unknownRole(
        `the RDAP lookup for ${rdapDomain} failed${rdap.source === null ? '' : ` at ${rdap.source}`}: ${rdap.reason}`,
      );
    case 'not_found':
      return unknownRole(`${rdapDomain} was not found in registry RDAP (${rdap.source})`);
    case 'found':
      return foundRegistrar(rdapDomain, rdap, directoryRegistrar);
  }
}

function foundRegistrar(
  rdapDomain: string,
  rdap: FoundOutcome,
  directoryRegistrar: DirectoryParty | null,
): RoleFinding {
  const registrar = rdap.registrar;
  const contacts = rdapAbuseContacts(registrar?.abuseContacts ?? []);
  if (registrar === null || (registrar.ianaId === null && registrar.name === null && contacts.length === 0)) {
    return unknownRole(
      rdap.redacted.some((field) => /registrar/i.test(field))
        ? `the RDAP answer for ${rdapDomain} redacts its registrar (RFC 9537)`
        : `the RDAP answer for ${rdapDomain} names no sponsoring registrar`,
    );
  }
  // The caller matched the directory by IANA id; a party with another id is not the one RDAP named.
  const directory =
    registrar.ianaId !== null && directoryRegistrar?.ianaId === registrar.ianaId ? directoryRegistrar : null;
  const party = {
    role: 'REGISTRAR' as const,
    organisationId: directory?.organisationId ?? null,
    name: directory?.name ?? registrar.name ?? fallbackName(registrar.ianaId, rdapDomain),
    ianaId: registrar.ianaId,
    // RDAP abuse contacts first: they are what the registrar publishes today.
    contacts: distinctContacts([...contacts, ...(directory?.contacts ?? [])]),
    confidence: registrarConfidence(registrar),
    evidence: distinctEvidence([
      ...rdapEvidence(rdap.sources, rdap.fetchedAt),
      ...(directory === null ? [] : [directoryEvidence(directory)]),
    ]),
  };
  const noMatch =
    registrar.ianaId === null
      ? 'RDAP gave no IANA id to match a directory registrar'
      : `no directory registrar has IANA id ${registrar.ianaId}`;
  return knownParty(
    party,
    `no contact is known for the registrar: the RDAP answer has no abuse contact and ${directory === null ? noMatch : 'the directory has none'}`,
  );
}

const fallbackName = (ianaId: number | null, rdapDomain: string): string =>
  ianaId === null
    ? `sponsoring registrar of ${rdapDomain} (unnamed in RDAP)`
    : `registrar with IANA id ${ianaId}`;

/**
 * An IANA id in registry RDAP is authoritative (HIGH); a name without one cannot be checked against
 * IANA's list (MEDIUM); a registrar that is neither named nor numbered is inferred from its abuse
 * contacts alone (LOW). The directory is matched by that id, so it adds contacts, not confidence.
 */
function registrarConfidence(registrar: RdapRegistrar): Confidence {
  if (registrar.ianaId !== null) return 'HIGH';
  return registrar.name === null ? 'LOW' : 'MEDIUM';
}
