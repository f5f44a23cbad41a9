import { deciderSpec } from '@app/core/testing';
import type { OrganisationEvent } from '../organisation.events';
import { decideOrganisation } from '../organisation.decider';
import { evolveOrganisation, initialOrganisationState } from '../organisation.state';
import type { Contact, Coverage } from '../organisation.types';

export const given = deciderSpec(decideOrganisation, evolveOrganisation, () => initialOrganisationState);

export const ORG_ID = '01a21a83-9e19-7db4-b6f2-ff06a5193e8a';

export const coverage = (parts: Partial<Coverage> = {}): Coverage => ({
  countries: [],
  tlds: [],
  ianaId: null,
  suffixes: [],
  ...parts,
});

export const aContact = (parts: Partial<Contact> = {}): Contact => ({
  contactId: 'c-1',
  role: 'ABUSE',
  email: 'abuse@registrar.example',
  phone: null,
  webFormUrl: null,
  pgpFingerprint: null,
  languages: [],
  timeZone: null,
  hours: null,
  lastConfirmedAt: '2026-01-01T00:00:00.000Z',
  source: 'MANUAL',
  ...parts,
});

export const registrarRegistered = (parts: Partial<Coverage> = { ianaId: 292 }): OrganisationEvent => ({
  type: 'OrganisationRegistered',
  data: {
    organisationId: ORG_ID,
    kind: 'REGISTRAR',
    name: 'MarkMonitor Inc.',
    aliases: [],
    website: null,
    coverage: coverage(parts),
    source: 'MANUAL',
  },
});
