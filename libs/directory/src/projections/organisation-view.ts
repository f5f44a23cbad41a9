import type { EventMetadata } from '@app/core';
import type { OrganisationKind } from '../domain/directory.vocabulary';
import type { OrganisationEvent } from '../domain/organisation.events';
import {
  evolveOrganisation,
  type ExistingOrganisation,
  type VerificationState,
} from '../domain/organisation.state';
import type { Contact, Coverage, FactSource, SlaTermsOverride } from '../domain/organisation.types';

/** An organisation as queries read it: the decider's state plus when and from where it was recorded. */
export interface OrganisationView {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly website: string | null;
  readonly coverage: Coverage;
  readonly contacts: readonly Contact[];
  readonly verification: VerificationState;
  /** Absent from documents projected before SLA terms existed. */
  readonly slaTerms?: SlaTermsOverride | null;
  readonly source: FactSource;
  readonly registeredAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** Pure: the view after one event; null for an event on an organisation the view never saw. */
export function evolveOrganisationView(
  view: OrganisationView | null,
  event: OrganisationEvent,
  metadata: EventMetadata,
): OrganisationView | null {
  if (event.type === 'OrganisationRegistered') {
    const state = evolveOrganisation({ kind: 'absent' }, event) as ExistingOrganisation;
    return {
      ...fromState(state),
      source: event.data.source,
      registeredAt: metadata.occurredAt,
      updatedAt: metadata.occurredAt,
      version: 1,
    };
  }
  if (!view) return null;
  const state = evolveOrganisation(toState(view), event);
  if (state.kind === 'absent') return null;
  return { ...view, ...fromState(state), updatedAt: metadata.occurredAt, version: view.version + 1 };
}

function fromState(state: ExistingOrganisation) {
  return {
    id: state.organisationId,
    kind: state.organisationKind,
    name: state.name,
    aliases: state.aliases,
    website: state.website,
    coverage: state.coverage,
    contacts: state.contacts,
    verification: state.verification,
    slaTerms: state.slaTerms,
  };
}

function toState(view: OrganisationView): ExistingOrganisation {
  return {
    kind: 'existing',
    organisationId: view.id,
    organisationKind: view.kind,
    name: view.name,
    aliases: view.aliases,
    website: view.website,
    coverage: view.coverage,
    contacts: view.contacts,
    verification: view.verification,
    slaTerms: view.slaTerms ?? null,
  };
}
