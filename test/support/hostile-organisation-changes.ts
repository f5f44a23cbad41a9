import fc from 'fast-check';
import {
  hostileEmail,
  hostileLanguages,
  hostilePgp,
  hostilePhone,
  hostileTimeZone,
} from './hostile-contacts';
import { coverage, ORGANISATION_SELECTION } from './hostile-directory-targets';
import { hostileUrl } from './hostile-domains';
import { hostileId } from './hostile-ids';
import type { HostileRequest } from './hostile-request';
import { hostileEnum, hostileFloat, hostileInt } from './hostile-scalars';
import {
  allIds,
  CONTACT_ROLES,
  type HostileFixtures,
  inputOperation,
  someMember,
  VERIFICATION_METHODS,
} from './hostile-targets';
import { hostileInput, hostileList, hostileString } from './hostile-values';

/** Hostile changes to existing organisations: details, contacts, verification and SLA terms. */

const contactFields = {
  role: hostileEnum(CONTACT_ROLES),
  email: hostileEmail,
  phone: hostilePhone,
  webFormUrl: hostileUrl,
  pgpFingerprint: hostilePgp,
  languages: hostileLanguages,
  timeZone: hostileTimeZone,
  hours: hostileString,
};

const validContact = {
  role: fc.constantFrom(...CONTACT_ROLES),
  email: fc.constant('abuse@cert.example'),
  phone: fc.constant('+33 1 23 45 67 89'),
  webFormUrl: fc.constant('https://cert.example/report'),
  pgpFingerprint: fc.constant('a'.repeat(40)),
  languages: fc.constant(['en']),
  timeZone: fc.constant('Europe/Paris'),
  hours: fc.constant('Mon-Fri 09:00-17:00'),
};

/** Every change to an organisation, its contacts, verification and SLA terms. */
export const organisationChanges = (f: HostileFixtures): fc.Arbitrary<HostileRequest> => {
  const organisationId = hostileId(f.organisationIds);
  const validOrganisation = fc.constantFrom(...f.organisationIds);
  const contactId = hostileId([...f.contactIds, ...allIds(f)]);
  const change = (
    root: string,
    type: string,
    valid: Record<string, fc.Arbitrary<unknown>>,
    hostile: Record<string, fc.Arbitrary<unknown>>,
    required: string[],
  ) =>
    inputOperation(
      'mutation',
      root,
      type,
      hostileInput({ organisationId: validOrganisation, ...valid }, { organisationId, ...hostile }, [
        'organisationId',
        ...required,
      ]),
      root.includes('Contact')
        ? `contact { contactId email } ${ORGANISATION_SELECTION}`
        : ORGANISATION_SELECTION,
      { credentials: someMember },
    );
  const contactRef = { contactId: fc.constantFrom(...f.contactIds) };
  return fc.oneof(
    change(
      'updateOrganisation',
      'UpdateOrganisationInput',
      {
        name: fc.constant('Renamed'),
        aliases: fc.constant([]),
        website: fc.constant(''),
        coverage: fc.constant({}),
      },
      { name: hostileString, aliases: hostileList(hostileString, 'a'), website: hostileUrl, coverage },
      [],
    ),
    change('addContact', 'AddContactInput', validContact, contactFields, ['role']),
    change(
      'updateContact',
      'UpdateContactInput',
      { ...contactRef, ...validContact },
      { contactId, ...contactFields },
      ['contactId'],
    ),
    change('removeContact', 'ContactRefInput', contactRef, { contactId }, ['contactId']),
    change('confirmContact', 'ContactRefInput', contactRef, { contactId }, ['contactId']),
    change(
      'verifyOrganisation',
      'VerifyOrganisationInput',
      {
        method: fc.constantFrom(...VERIFICATION_METHODS),
        note: fc.constant('checked'),
        validForDays: fc.constant(365),
      },
      { method: hostileEnum(VERIFICATION_METHODS), note: hostileString, validForDays: hostileInt },
      ['method'],
    ),
    change(
      'revokeVerification',
      'RevokeVerificationInput',
      { reason: fc.constant('expired') },
      { reason: hostileString },
      ['reason'],
    ),
    change(
      'setSlaTerms',
      'SetSlaTermsInput',
      {
        acknowledgeWithinHours: fc.constant(24),
        actWithinHours: fc.constant(72),
        businessDays: fc.constant([1, 2, 3, 4, 5]),
        businessStart: fc.constant('09:00'),
        businessEnd: fc.constant('17:00'),
        timeZone: fc.constant('Europe/Paris'),
      },
      {
        acknowledgeWithinHours: hostileFloat,
        actWithinHours: hostileFloat,
        businessDays: hostileList(hostileInt, '1', 8),
        businessStart: fc.oneof(
          fc.constantFrom('24:00', '9:00', '25:61', '09:00:00', '-01:00', ''),
          hostileString,
        ),
        businessEnd: fc.oneof(fc.constantFrom('00:00', '23:59', '12:60', '0900'), hostileString),
        timeZone: hostileTimeZone,
      },
      [],
    ),
  );
};
