import type { RdapContact, RdapRegistrar } from '../domain/routing/rdap-outcome';
import type { RdapDomainRecord } from './rdap-domain.parser';

/**
 * Combine a registry answer with the sponsoring registrar's own answer for the same domain. The
 * registry stays authoritative for what it manages (IANA id, status); the registrar fills what the
 * registry left out (name, abuse contacts). Contacts both publish are listed once, the registry's
 * copy first, so the order follows `sources`.
 */
export function mergeRegistrarAnswer(
  registry: RdapDomainRecord,
  registrarAnswer: RdapDomainRecord,
): RdapDomainRecord {
  const redacted = [...new Set([...registry.redacted, ...registrarAnswer.redacted])];
  const own = registrarAnswer.registrar;
  if (own === null) return { ...registry, redacted };
  const listed = registry.registrar;
  const registrar: RdapRegistrar = {
    ianaId: listed?.ianaId ?? own.ianaId,
    name: listed?.name ?? own.name,
    rdapUrl: listed?.rdapUrl ?? registry.relatedRegistrarUrl,
    abuseContacts: uniqueContacts([...(listed?.abuseContacts ?? []), ...own.abuseContacts]),
  };
  return { ...registry, registrar, redacted };
}

/** The same mailbox and number count once, however the servers punctuate the number. */
function uniqueContacts(contacts: readonly RdapContact[]): readonly RdapContact[] {
  const seen = new Set<string>();
  return contacts.filter((contact) => {
    const key = `${contact.email?.toLowerCase() ?? ''}|${contact.phone?.replace(/\D/g, '') ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
