import type { DomainName } from '@app/core';
import {
  coordinationCentreFinding,
  csirtFinding,
  platformFinding,
  registryFinding,
} from './directory-findings';
import { escalationChain, escalationOrder } from './escalation-order';
import type { RdapDomainOutcome } from './rdap-outcome';
import { registrarFinding } from './registrar-finding';
import type { RoleFinding } from './role-finding';
import type {
  DirectoryParty,
  RoutedRole,
  RoutingDecision,
  RoutingUnknown,
  TldFacts,
} from './routing-decision';
import { ROUTED_ROLES } from './routing-decision';
import { routingKeys } from './routing-keys';

/** Everything routing needs, gathered beforehand by the keys of {@link routingKeys}. */
export interface RoutingFacts {
  /** Root zone facts as imported; null = TLD unknown to the directory. */
  readonly tld: TldFacts | null;
  /** Directory organisation covering the TLD. */
  readonly registry: DirectoryParty | null;
  /** The registry/registrar RDAP lookup for `routingKeys(domain).rdapDomain`. */
  readonly rdap: RdapDomainOutcome;
  /** Directory registrar matching the IANA id RDAP gave (null if none). */
  readonly registrar: DirectoryParty | null;
  /** National CSIRT covering the ccTLD's country (`nationalCsirtCountry(tld)`). */
  readonly csirt: DirectoryParty | null;
  /** Hosting platform covering the private suffix. */
  readonly platform: DirectoryParty | null;
  readonly coordinationCentre: DirectoryParty | null;
}

/**
 * Decides who is responsible for `domain` and in which order to ask them. Pure: the same
 * arguments always give the same decision; time enters only as `decidedAt`.
 *
 * | role                | known when                           | confidence                             | evidence                    |
 * |---------------------|--------------------------------------|----------------------------------------|-----------------------------|
 * | PLATFORM            | public suffix is private (PSL)       | HIGH (the PSL says so)                 | PSL at decidedAt; directory |
 * | REGISTRAR           | RDAP names one (id, name or contact) | HIGH IANA id; MEDIUM name; LOW neither | each RDAP URL; directory    |
 * | REGISTRY            | TLD in root zone data (or directory) | HIGH root zone; else as directory      | root zone; directory        |
 * | NATIONAL_CSIRT      | ccTLD country has a directory CSIRT  | HIGH verified; MEDIUM unverified       | directory; root zone        |
 * | COORDINATION_CENTRE | the directory has one                | HIGH verified; MEDIUM unverified       | directory                   |
 *
 * Every role without a party has an unknown saying why (RDAP disabled, no RDAP service, failed,
 * not found, registrar redacted; TLD not in the root zone; not a ccTLD; nothing in the directory).
 * A known party nobody can be reached at also has one (e.g. a platform missing from the directory).
 * The chain lists known parties in {@link escalationOrder} for `category`, each organisation once.
 */
export function routeDomain(
  domain: DomainName,
  category: string,
  facts: RoutingFacts,
  decidedAt: string,
): RoutingDecision {
  const keys = routingKeys(domain);
  const findings: Readonly<Record<RoutedRole, RoleFinding>> = {
    PLATFORM: platformFinding(domain, facts.platform, decidedAt),
    REGISTRAR: registrarFinding(keys.rdapDomain, domain.tld, facts.rdap, facts.registrar),
    REGISTRY: registryFinding(domain.tld, facts.tld, facts.registry),
    NATIONAL_CSIRT: csirtFinding(domain.tld, facts.tld, facts.csirt),
    COORDINATION_CENTRE: coordinationCentreFinding(facts.coordinationCentre),
  };
  const parties = {
    PLATFORM: findings.PLATFORM.party,
    REGISTRAR: findings.REGISTRAR.party,
    REGISTRY: findings.REGISTRY.party,
    NATIONAL_CSIRT: findings.NATIONAL_CSIRT.party,
    COORDINATION_CENTRE: findings.COORDINATION_CENTRE.party,
  };
  return {
    domain: domain.name,
    registrableDomain: domain.registrableDomain,
    publicSuffix: domain.publicSuffix,
    tld: domain.tld,
    tldType: facts.tld?.type ?? null,
    country: facts.tld?.country ?? null,
    platform: parties.PLATFORM,
    registry: parties.REGISTRY,
    registrar: parties.REGISTRAR,
    csirt: parties.NATIONAL_CSIRT,
    chain: escalationChain(escalationOrder(category), parties),
    unknowns: unknownsOf(findings),
    decidedAt,
  };
}

/** In ROUTED_ROLES order, so that equal inputs give equal lists. */
function unknownsOf(findings: Readonly<Record<RoutedRole, RoleFinding>>): RoutingUnknown[] {
  return ROUTED_ROLES.flatMap((role) => {
    const gap = findings[role].gap;
    return gap === null ? [] : [{ role, reason: gap }];
  });
}
