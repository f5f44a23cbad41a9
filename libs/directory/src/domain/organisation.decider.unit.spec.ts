import {
  ContactNotFoundError,
  ContactUnreachableError,
  CoverageMismatchError,
  NotVerifiedError,
  OrganisationAlreadyRegisteredError,
  OrganisationKindChangedError,
  OrganisationNotFoundError,
} from './organisation.errors';
import { aContact, coverage, given, ORG_ID, registrarRegistered } from './testing/organisation-fixtures';

describe('organisation decider', () => {
  it('registers an organisation with its coverage sorted and unique', () => {
    given([])
      .when({
        type: 'RegisterOrganisation',
        organisationId: ORG_ID,
        kind: 'REGISTRY',
        name: 'AFNIC',
        aliases: [],
        website: null,
        coverage: coverage({ tlds: ['re', 'fr', 're'] }),
        source: 'MANUAL',
      })
      .then([
        {
          type: 'OrganisationRegistered',
          data: {
            organisationId: ORG_ID,
            kind: 'REGISTRY',
            name: 'AFNIC',
            aliases: [],
            website: null,
            coverage: coverage({ tlds: ['fr', 're'] }),
            source: 'MANUAL',
          },
        },
      ]);
  });

  it('refuses coverage that does not fit the kind', () => {
    given([])
      .when({
        type: 'RegisterOrganisation',
        organisationId: ORG_ID,
        kind: 'CSIRT',
        name: 'CERT-X',
        aliases: [],
        website: null,
        coverage: coverage({ tlds: ['fr'] }),
        source: 'MANUAL',
      })
      .thenThrows(CoverageMismatchError, /CSIRT organisation cannot cover TLDs/);
  });

  it('refuses to register twice and to change an unknown organisation', () => {
    const register = registrarRegistered();
    given([register])
      .when({ type: 'RegisterOrganisation', ...register.data, organisationId: ORG_ID } as never)
      .thenThrows(OrganisationAlreadyRegisteredError);
    given([]).when({ type: 'RemoveContact', contactId: 'c-1' }).thenThrows(OrganisationNotFoundError);
  });

  it('records only the details that changed, and nothing when nothing did', () => {
    given([registrarRegistered()])
      .when({
        type: 'UpdateOrganisation',
        details: { name: 'MarkMonitor Inc.' },
        coverage: coverage({ ianaId: 292 }),
      })
      .then([]);
    given([registrarRegistered()])
      .when({ type: 'UpdateOrganisation', details: { website: 'https://markmonitor.com/' }, coverage: null })
      .then([
        {
          type: 'OrganisationDetailsChanged',
          data: { name: 'MarkMonitor Inc.', aliases: [], website: 'https://markmonitor.com/' },
        },
      ]);
  });

  it('needs a way to reach a contact, and finds contacts by id', () => {
    given([registrarRegistered()])
      .when({ type: 'AddContact', contact: aContact({ email: null }) })
      .thenThrows(ContactUnreachableError);
    given([registrarRegistered()])
      .when({ type: 'ConfirmContact', contactId: 'nope', confirmedAt: '2026-11-27T00:00:00.000Z' })
      .thenThrows(ContactNotFoundError);
  });

  it('updates a contact only when what it says changes, keeping its confirmation', () => {
    const history = [registrarRegistered(), { type: 'ContactAdded' as const, data: { contact: aContact() } }];
    given(history)
      .when({ type: 'UpdateContact', contactId: 'c-1', details: { email: 'abuse@registrar.example' } })
      .then([]);
    given(history)
      .when({ type: 'UpdateContact', contactId: 'c-1', details: { phone: '+3212345678' } })
      .then([{ type: 'ContactUpdated', data: { contact: aContact({ phone: '+3212345678' }) } }]);
  });

  it('verifies, and revokes only what was verified', () => {
    const verified = {
      type: 'OrganisationVerified' as const,
      data: {
        method: 'IANA_RECORD' as const,
        note: null,
        verifiedByMemberId: 'm-1',
        verifiedAt: '2026-11-27T00:00:00.000Z',
        expiresAt: '2027-11-27T00:00:00.000Z',
      },
    };
    given([registrarRegistered()])
      .when({ type: 'VerifyOrganisation', ...verified.data })
      .then([verified]);
    given([registrarRegistered()])
      .when({ type: 'RevokeVerification', reason: 'gone' })
      .thenThrows(NotVerifiedError);
    given([registrarRegistered(), verified])
      .when({ type: 'RevokeVerification', reason: 'accreditation terminated' })
      .then([{ type: 'OrganisationVerificationRevoked', data: { reason: 'accreditation terminated' } }]);
  });
});

describe('syncing an organisation from reference data', () => {
  const imported = aContact({
    contactId: 'c-imp',
    source: 'IMPORT:registrars',
    lastConfirmedAt: '2025-07-22T00:00:00.000Z',
  });
  const sync = (contacts = [imported], name = 'MarkMonitor Inc.') =>
    ({
      type: 'SyncOrganisationFromReference',
      organisationId: ORG_ID,
      kind: 'REGISTRAR',
      name,
      aliases: [],
      website: null,
      coverage: coverage({ ianaId: 292 }),
      source: 'IMPORT:registrars',
      contacts,
    }) as const;

  it('registers a new organisation with its contacts', () => {
    given([])
      .when(sync())
      .then([
        {
          type: 'OrganisationRegistered',
          data: { ...registrarRegistered().data, source: 'IMPORT:registrars' } as never,
        },
        { type: 'ContactAdded', data: { contact: imported } },
      ]);
  });

  it('appends nothing when the data set says what the directory already holds', () => {
    const history = [registrarRegistered(), { type: 'ContactAdded' as const, data: { contact: imported } }];
    given(history).when(sync()).then([]);
  });

  it('changes the name, removes contacts the data set dropped, and keeps contacts people added', () => {
    const manual = aContact({ contactId: 'c-man', email: 'desk@markmonitor.example' });
    const history = [
      registrarRegistered(),
      { type: 'ContactAdded' as const, data: { contact: imported } },
      { type: 'ContactAdded' as const, data: { contact: manual } },
    ];
    given(history)
      .when(sync([], 'MarkMonitor, Inc.'))
      .then([
        {
          type: 'OrganisationDetailsChanged',
          data: { name: 'MarkMonitor, Inc.', aliases: [], website: null },
        },
        { type: 'ContactRemoved', data: { contactId: 'c-imp' } },
      ]);
  });

  it('never turns an organisation into another kind', () => {
    given([registrarRegistered()])
      .when({ ...sync(), kind: 'REGISTRY', coverage: coverage({ tlds: ['com'] }) })
      .thenThrows(OrganisationKindChangedError);
  });
});
