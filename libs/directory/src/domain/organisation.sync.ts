import { OrganisationKindChangedError } from './organisation.errors';
import type { SyncOrganisationFromReference } from './organisation.commands';
import { assertCoverageFits, canonicalCoverage, sameCoverage } from './organisation.coverage';
import { detailsOf, sameContact, sameDetails } from './organisation.compare';
import type { OrganisationEvent } from './organisation.events';
import type { OrganisationState } from './organisation.state';

/**
 * Brings an organisation to what a reference data set says, emitting only real differences: a
 * re-import of unchanged data appends nothing. Contacts are matched by id and only those the
 * data set itself manages are touched.
 */
export function syncFromReference(
  command: SyncOrganisationFromReference,
  state: OrganisationState,
): readonly OrganisationEvent[] {
  const { type: _type, contacts, ...profile } = command;
  assertCoverageFits(profile.kind, profile.coverage);
  const coverage = canonicalCoverage(profile.coverage);
  const events: OrganisationEvent[] = [];
  if (state.kind === 'absent') {
    events.push({ type: 'OrganisationRegistered', data: { ...profile, coverage } });
    for (const contact of contacts) events.push({ type: 'ContactAdded', data: { contact } });
    return events;
  }
  if (state.organisationKind !== profile.kind) {
    throw new OrganisationKindChangedError(profile.organisationId, state.organisationKind, profile.kind);
  }
  const details = detailsOf(profile);
  if (!sameDetails(details, state)) events.push({ type: 'OrganisationDetailsChanged', data: details });
  if (!sameCoverage(coverage, state.coverage)) {
    events.push({ type: 'OrganisationCoverageChanged', data: { coverage } });
  }
  const wanted = new Map(contacts.map((c) => [c.contactId, c]));
  for (const current of state.contacts) {
    if (current.source !== command.source) continue;
    const next = wanted.get(current.contactId);
    if (!next) events.push({ type: 'ContactRemoved', data: { contactId: current.contactId } });
    else if (!sameContact(next, current)) events.push({ type: 'ContactUpdated', data: { contact: next } });
    else if (next.lastConfirmedAt !== null && next.lastConfirmedAt !== current.lastConfirmedAt) {
      events.push({
        type: 'ContactConfirmed',
        data: { contactId: next.contactId, confirmedAt: next.lastConfirmedAt },
      });
    }
    wanted.delete(current.contactId);
  }
  for (const contact of wanted.values()) {
    if (!state.contacts.some((c) => c.contactId === contact.contactId)) {
      events.push({ type: 'ContactAdded', data: { contact } });
    }
  }
  return events;
}
