import type { RdapDomainOutcome } from '../domain/routing/rdap-outcome';

/**
 * What routing needs from RDAP: the sponsoring registrar of a registrable domain and the abuse
 * contacts the registry or registrar publish. Implementations never throw for network or server
 * trouble: a failed lookup is an outcome, so routing completes with what is known.
 */
export interface RdapPort {
  lookupDomain(registrableDomain: string): Promise<RdapDomainOutcome>;
}

export const RDAP_PORT = Symbol('RdapPort');
