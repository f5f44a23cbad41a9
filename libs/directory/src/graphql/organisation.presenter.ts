import type { OrganisationView } from '../projections/organisation-view';
import type { Contact } from '../domain/organisation.types';
import type { ContactType, OrganisationType, VerificationType } from './organisation.type';

/** A contact nobody confirmed for this long shows as stale: yearly re-confirmation is the norm. */
export const CONTACT_STALE_AFTER_MS = 365 * 86_400_000;

/** The GraphQL shape of an organisation; staleness is judged against `now`, not stored. */
export function presentOrganisation(view: OrganisationView, now: Date): OrganisationType {
  return {
    ...view,
    aliases: [...view.aliases],
    coverage: {
      ...view.coverage,
      countries: [...view.coverage.countries],
      tlds: [...view.coverage.tlds],
      suffixes: [...view.coverage.suffixes],
    },
    contacts: view.contacts.map((c) => presentContact(c, now)),
    verification: presentVerification(view, now),
    slaTerms: view.slaTerms
      ? {
          acknowledgeWithinHours: hoursOf(view.slaTerms.acknowledgeWithinMs),
          actWithinHours: hoursOf(view.slaTerms.actWithinMs),
          timeZone: view.slaTerms.timeZone ?? null,
          businessDays: view.slaTerms.businessDays ? [...view.slaTerms.businessDays] : null,
          businessStart: view.slaTerms.businessStart ?? null,
          businessEnd: view.slaTerms.businessEnd ?? null,
        }
      : null,
  };
}

export function presentContact(contact: Contact, now: Date): ContactType {
  const confirmed = contact.lastConfirmedAt === null ? null : Date.parse(contact.lastConfirmedAt);
  return {
    ...contact,
    languages: [...contact.languages],
    stale: confirmed === null || now.getTime() - confirmed > CONTACT_STALE_AFTER_MS,
  };
}

function presentVerification(view: OrganisationView, now: Date): VerificationType {
  const v = view.verification;
  const none = {
    method: null,
    verifiedBy: null,
    verifiedAt: null,
    expiresAt: null,
    note: null,
    revokedReason: null,
  };
  switch (v.status) {
    case 'UNVERIFIED':
      return { status: 'UNVERIFIED', ...none };
    case 'REVOKED':
      return { status: 'REVOKED', ...none, revokedReason: v.reason };
    case 'VERIFIED':
      return {
        status: Date.parse(v.expiresAt) <= now.getTime() ? 'STALE' : 'VERIFIED',
        method: v.method,
        verifiedBy: v.verifiedByMemberId,
        verifiedAt: v.verifiedAt,
        expiresAt: v.expiresAt,
        note: v.note,
        revokedReason: null,
      };
    default: {
      const unknown: never = v;
      return unknown;
    }
  }
}

const hoursOf = (ms: number | undefined): number | null => (ms === undefined ? null : ms / 3_600_000);
