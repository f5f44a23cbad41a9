import type { OrganisationKind } from './directory.vocabulary';
import type { OrganisationEvent } from './organisation.events';
import type {
  Contact,
  Coverage,
  OrganisationDetails,
  SlaTermsOverride,
  Verification,
} from './organisation.types';

export type VerificationState =
  | { readonly status: 'UNVERIFIED' }
  | ({ readonly status: 'VERIFIED' } & Verification)
  | { readonly status: 'REVOKED'; readonly reason: string };

export interface ExistingOrganisation extends OrganisationDetails {
  readonly kind: 'existing';
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly coverage: Coverage;
  readonly contacts: readonly Contact[];
  readonly verification: VerificationState;
  readonly slaTerms: SlaTermsOverride | null;
}

export type OrganisationState = { readonly kind: 'absent' } | ExistingOrganisation;

export const initialOrganisationState: OrganisationState = { kind: 'absent' };

/** Folds one event into the state the decider needs; exhaustive over the closed event union. */
export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  if (event.type === 'OrganisationRegistered') {
    const { organisationId, kind, name, aliases, website, coverage } = event.data;
    return {
      kind: 'existing',
      organisationId,
      organisationKind: kind,
      name,
      aliases,
      website,
      coverage,
      contacts: [],
      verification: { status: 'UNVERIFIED' },
      slaTerms: null,
    };
  }
  if (state.kind === 'absent') return state;
  switch (event.type) {
    case 'OrganisationDetailsChanged':
      return { ...state, ...event.data };
    case 'OrganisationCoverageChanged':
      return { ...state, coverage: event.data.coverage };
    case 'ContactAdded':
      return { ...state, contacts: [...state.contacts, event.data.contact] };
    case 'ContactUpdated':
      return { ...state, contacts: replaceContact(state.contacts, event.data.contact) };
    case 'ContactRemoved':
      return { ...state, contacts: state.contacts.filter((c) => c.contactId !== event.data.contactId) };
    case 'ContactConfirmed':
      return {
        ...state,
        contacts: state.contacts.map((c) =>
          c.contactId === event.data.contactId ? { ...c, lastConfirmedAt: event.data.confirmedAt } : c,
        ),
      };
    case 'OrganisationVerified':
      return { ...state, verification: { status: 'VERIFIED', ...event.data } };
    case 'OrganisationVerificationRevoked':
      return { ...state, verification: { status: 'REVOKED', reason: event.data.reason } };
    case 'OrganisationSlaTermsSet':
      return { ...state, slaTerms: event.data.terms };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

const replaceContact = (contacts: readonly Contact[], contact: Contact): readonly Contact[] =>
  contacts.map((c) => (c.contactId === contact.contactId ? contact : c));
