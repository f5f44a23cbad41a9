import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, type DomainName } from '@app/core';
import { READ_MODEL, type ReadModelAccess } from '@app/event-store';
import type { RoutingDecision } from '../domain/routing/routing-decision';
import { routeDomain } from '../domain/routing/route-domain';
import { nationalCsirtCountry, routingKeys } from '../domain/routing/routing-keys';
import { RDAP_PORT, type RdapPort } from '../rdap/rdap.port';
import { RoutingDirectory } from './routing-directory.read-model';

/**
 * Gathers the facts about a domain (directory read model, then RDAP) and asks the pure
 * `routeDomain` for the decision. RDAP trouble never fails routing: it becomes an unknown.
 */
@Injectable()
export class DomainRouter {
  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModelAccess,
    @Inject(RDAP_PORT) private readonly rdap: RdapPort,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async route(domain: DomainName, category: string): Promise<RoutingDecision> {
    const keys = routingKeys(domain);
    const rdap = await this.rdap.lookupDomain(keys.rdapDomain);
    const directory = new RoutingDirectory(this.readModel.sql);
    const ianaId = rdap.kind === 'found' ? (rdap.registrar?.ianaId ?? null) : null;
    const [tld, registry, registrar, platform, coordinationCentre] = await Promise.all([
      directory.tldFacts(keys.tld),
      directory.covering('TLD', keys.tld, 'REGISTRY'),
      ianaId === null ? null : directory.covering('IANA_ID', String(ianaId), 'REGISTRAR'),
      keys.privateSuffix === null
        ? null
        : directory.covering('SUFFIX', keys.privateSuffix, 'HOSTING_PLATFORM'),
      directory.coordinationCentre(),
    ]);
    const country = nationalCsirtCountry(tld);
    const csirt = country === null ? null : await directory.covering('COUNTRY', country, 'CSIRT');
    return routeDomain(
      domain,
      category,
      { tld, registry, rdap, registrar, csirt, platform, coordinationCentre },
      this.clock.now().toISOString(),
    );
  }
}
