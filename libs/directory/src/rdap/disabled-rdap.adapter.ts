import type { RdapDomainOutcome } from '../domain/routing/rdap-outcome';
import type { RdapPort } from './rdap.port';

/** {@link RdapPort} for deployments that must not query RDAP (offline, tests): every lookup is `disabled`. */
export class DisabledRdap implements RdapPort {
  lookupDomain(_registrableDomain: string): Promise<RdapDomainOutcome> {
    return Promise.resolve({ kind: 'disabled' });
  }
}

/** The shared {@link DisabledRdap}, for a provider `useValue`. */
export const offRdapPort: RdapPort = new DisabledRdap();
