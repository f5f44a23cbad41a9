import type { RdapContact } from './rdap-outcome';
import type { RoutedContact } from './routing-decision';

/** RDAP abuse contacts as routed contacts; one with neither email nor phone reaches nobody. */
export function rdapAbuseContacts(contacts: readonly RdapContact[]): RoutedContact[] {
  return contacts
    .filter((contact) => contact.email !== null || contact.phone !== null)
    .map((contact) => ({ role: 'ABUSE', email: contact.email, phone: contact.phone, webFormUrl: null }));
}

/**
 * Contacts in the order given, without repeats: a contact is dropped when every channel it has
 * (email compared case-insensitively, phone, web form) is already offered by an earlier contact of
 * the same role. A directory entry that adds a phone to an RDAP email therefore stays.
 */
export function distinctContacts(contacts: readonly RoutedContact[]): RoutedContact[] {
  const offered = new Set<string>();
  const kept: RoutedContact[] = [];
  for (const contact of contacts) {
    const channels = channelsOf(contact);
    if (channels.length === 0 || channels.every((channel) => offered.has(channel))) continue;
    channels.forEach((channel) => offered.add(channel));
    kept.push(contact);
  }
  return kept;
}

function channelsOf(contact: RoutedContact): string[] {
  const channels: string[] = [];
  if (contact.email !== null) channels.push(`${contact.role} email ${contact.email.toLowerCase()}`);
  if (contact.phone !== null) channels.push(`${contact.role} phone ${contact.phone}`);
  if (contact.webFormUrl !== null) channels.push(`${contact.role} form ${contact.webFormUrl}`);
  return channels;
}
