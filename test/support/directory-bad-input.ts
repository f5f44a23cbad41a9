/**
 * Directory input the API must refuse with BAD_USER_INPUT: the mutation, the input (completed by the
 * suite with a name or the organisation id), the field `extensions.field` must name, and the value
 * the message must quote.
 */
export interface BadDirectoryInput {
  readonly mutation: 'registerOrganisation' | 'addContact';
  readonly input: Record<string, unknown>;
  readonly field: string;
  readonly quoted: string;
}

export const BAD_DIRECTORY_INPUT: Record<string, BadDirectoryInput> = {
  'an invalid email': {
    mutation: 'addContact',
    input: { role: 'ABUSE', email: 'not-an-email' },
    field: 'email',
    quoted: 'not-an-email',
  },
  'phone "12"': {
    mutation: 'addContact',
    input: { role: 'ABUSE', phone: '12' },
    field: 'phone',
    quoted: '12',
  },
  'a javascript: web form URL': {
    mutation: 'addContact',
    input: { role: 'ABUSE', webFormUrl: 'javascript:alert(1)' },
    field: 'webFormUrl',
    quoted: 'javascript:alert(1)',
  },
  'a malformed organisation id': {
    mutation: 'addContact',
    input: { organisationId: 'org-1', role: 'ABUSE', email: 'abuse@cert.ee' },
    field: 'organisationId',
    quoted: 'org-1',
  },
  'country "XX"': {
    mutation: 'registerOrganisation',
    input: { kind: 'CSIRT', coverage: { countries: ['XX'] } },
    field: 'coverage.countries[0]',
    quoted: 'XX',
  },
  'TLD "notatld"': {
    mutation: 'registerOrganisation',
    input: { kind: 'REGISTRY', coverage: { tlds: ['notatld'] } },
    field: 'coverage.tlds[0]',
    quoted: 'notatld',
  },
  'private suffix "com" on a platform': {
    mutation: 'registerOrganisation',
    input: { kind: 'HOSTING_PLATFORM', coverage: { suffixes: ['com'] } },
    field: 'coverage.suffixes[0]',
    quoted: 'com',
  },
  'IANA id 0': {
    mutation: 'registerOrganisation',
    input: { kind: 'REGISTRAR', coverage: { ianaId: 0 } },
    field: 'coverage.ianaId',
    quoted: '0',
  },
  'a javascript: website': {
    mutation: 'registerOrganisation',
    input: { kind: 'CSIRT', website: 'javascript:alert(1)' },
    field: 'website',
    quoted: 'javascript:alert(1)',
  },
  'a CSIRT covering TLDs': {
    mutation: 'registerOrganisation',
    input: { kind: 'CSIRT', coverage: { tlds: ['ee'] } },
    field: 'coverage',
    quoted: 'TLDs',
  },
};
