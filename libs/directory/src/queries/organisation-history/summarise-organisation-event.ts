import type { OrganisationEvent } from '../../domain/organisation.events';
import type { Contact } from '../../domain/organisation.types';

/** A one-line account of a directory change for people reading an organisation's history. */
export function summariseOrganisationEvent(event: OrganisationEvent): string {
  switch (event.type) {
    case 'OrganisationRegistered':
      return `Registered ${event.data.kind} ${event.data.name} (${event.data.source === 'MANUAL' ? 'by hand' : event.data.source.toLowerCase()})`;
    case 'OrganisationDetailsChanged':
      return `Details changed: name ${event.data.name}, ${event.data.aliases.length} aliases, website ${event.data.website ?? 'none'}`;
    case 'OrganisationCoverageChanged': {
      const { countries, tlds, ianaId, suffixes } = event.data.coverage;
      const parts = [
        countries.length ? `countries ${countries.join(', ')}` : '',
        tlds.length ? `${tlds.length} TLDs` : '',
        ianaId === null ? '' : `IANA id ${ianaId}`,
        suffixes.length ? `suffixes ${suffixes.join(', ')}` : '',
      ].filter(Boolean);
      return `Coverage changed: ${parts.join('; ') || 'none'}`;
    }
    case 'ContactAdded':
      return `${event.data.contact.role} contact added: ${reach(event.data.contact)}`;
    case 'ContactUpdated':
      return `${event.data.contact.role} contact changed: ${reach(event.data.contact)}`;
    case 'ContactRemoved':
      return `Contact ${event.data.contactId} removed`;
    case 'ContactConfirmed':
      return `Contact ${event.data.contactId} confirmed`;
    case 'OrganisationVerified':
      return `Verified by ${event.data.method} until ${event.data.expiresAt}`;
    case 'OrganisationSlaTermsSet':
      return event.data.terms ? 'Own SLA terms set' : 'Own SLA terms removed: the SLA policy applies';
    case 'OrganisationVerificationRevoked':
      return `Verification revoked: ${event.data.reason}`;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

const reach = (contact: Contact): string =>
  [contact.email, contact.phone, contact.webFormUrl].filter((v) => v !== null).join(', ');
