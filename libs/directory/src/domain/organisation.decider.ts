import {
  ContactUnreachableError,
  ContactNotFoundError,
  NotVerifiedError,
  OrganisationAlreadyRegisteredError,
  OrganisationNotFoundError,
} from './organisation.errors';
import type { OrganisationCommand } from './organisation.commands';
import { assertCoverageFits, canonicalCoverage, sameCoverage } from './organisation.coverage';
import type { OrganisationEvent } from './organisation.events';
import type { ExistingOrganisation, OrganisationState } from './organisation.state';
import type { Contact } from './organisation.types';
import { syncFromReference } from './organisation.sync';
import { detailsOf, sameContact, sameDetails } from './organisation.compare';

type Events = readonly OrganisationEvent[];

/**
 * Decides what a directory command means for one organisation: the events to append, none when
 * nothing would change (so re-imports and retries add nothing), or a typed domain error.
 */
export function decideOrganisation(command: OrganisationCommand, state: OrganisationState): Events {
  if (command.type === 'RegisterOrganisation') {
    if (state.kind === 'existing') throw new OrganisationAlreadyRegisteredError(state.organisationId);
    const { type: _type, ...data } = command;
    assertCoverageFits(data.kind, data.coverage);
    return [
      { type: 'OrganisationRegistered', data: { ...data, coverage: canonicalCoverage(data.coverage) } },
    ];
  }
  if (command.type === 'SyncOrganisationFromReference') return syncFromReference(command, state);
  if (state.kind === 'absent') throw new OrganisationNotFoundError('(unknown id)');
  switch (command.type) {
    case 'UpdateOrganisation': {
      const details = { ...detailsOf(state), ...command.details };
      const events: OrganisationEvent[] = [];
      if (!sameDetails(details, state)) events.push({ type: 'OrganisationDetailsChanged', data: details });
      if (command.coverage !== null) {
        assertCoverageFits(state.organisationKind, command.coverage);
        const coverage = canonicalCoverage(command.coverage);
        if (!sameCoverage(coverage, state.coverage)) {
          events.push({ type: 'OrganisationCoverageChanged', data: { coverage } });
        }
      }
      return events;
    }
    case 'AddContact':
      assertReachable(command.contact);
      if (state.contacts.some((c) => c.contactId === command.contact.contactId)) return [];
      return [{ type: 'ContactAdded', data: { contact: command.contact } }];
    case 'UpdateContact': {
      const current = contactOf(state, command.contactId);
      const contact: Contact = { ...current, ...command.details };
      assertReachable(contact);
      return sameContact(contact, current) ? [] : [{ type: 'ContactUpdated', data: { contact } }];
    }
    case 'RemoveContact':
      contactOf(state, command.contactId);
      return [{ type: 'ContactRemoved', data: { contactId: command.contactId } }];
    case 'ConfirmContact':
      contactOf(state, command.contactId);
      return [
        {
          type: 'ContactConfirmed',
          data: { contactId: command.contactId, confirmedAt: command.confirmedAt },
        },
      ];
    case 'VerifyOrganisation': {
      const { type: _type, ...verification } = command;
      return [{ type: 'OrganisationVerified', data: verification }];
    }
    case 'SetSlaTerms':
      return JSON.stringify(command.terms) === JSON.stringify(state.slaTerms)
        ? []
        : [{ type: 'OrganisationSlaTermsSet', data: { terms: command.terms } }];
    case 'RevokeVerification':
      if (state.verification.status !== 'VERIFIED') throw new NotVerifiedError(state.organisationId);
      return [{ type: 'OrganisationVerificationRevoked', data: { reason: command.reason } }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function contactOf(state: ExistingOrganisation, contactId: string): Contact {
  const contact = state.contacts.find((c) => c.contactId === contactId);
  if (!contact) throw new ContactNotFoundError(contactId);
  return contact;
}

function assertReachable(contact: Contact): void {
  if (contact.email === null && contact.phone === null && contact.webFormUrl === null) {
    throw new ContactUnreachableError('contact');
  }
}
