import { sameList } from './organisation.coverage';
import type { Contact, OrganisationDetails } from './organisation.types';

export const detailsOf = (state: OrganisationDetails): OrganisationDetails => ({
  name: state.name,
  aliases: state.aliases,
  website: state.website,
});

export const sameDetails = (a: OrganisationDetails, b: OrganisationDetails): boolean =>
  a.name === b.name && a.website === b.website && sameList(a.aliases, b.aliases);

/** Contacts compare on what they say, not on when they were last confirmed. */
export function sameContact(a: Contact, b: Contact): boolean {
  return (
    a.role === b.role &&
    a.email === b.email &&
    a.phone === b.phone &&
    a.webFormUrl === b.webFormUrl &&
    a.pgpFingerprint === b.pgpFingerprint &&
    a.timeZone === b.timeZone &&
    a.hours === b.hours &&
    sameList(a.languages, b.languages)
  );
}
