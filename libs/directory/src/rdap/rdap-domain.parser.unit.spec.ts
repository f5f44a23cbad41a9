import { readdirSync, readFileSync } from 'node:fs';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import type { RdapRegistrar } from '../domain/routing/rdap-outcome';
import { parseRdapDomain, type RdapDomainRecord } from './rdap-domain.parser';

const SOURCE = 'https://rdap.example/domain/x';
const responsesDir = () => sharedDataPath('rdap', 'responses');

const markMonitor = (phone: string, rdapUrl: string | null, name = 'MarkMonitor Inc.'): RdapRegistrar => ({
  ianaId: 292,
  name,
  rdapUrl,
  abuseContacts: [{ email: 'abusecomplaints@markmonitor.com', phone, source: SOURCE }],
});
const verisignStatus = [
  'client delete prohibited',
  'client transfer prohibited',
  'client update prohibited',
  'server delete prohibited',
  'server transfer prohibited',
  'server update prohibited',
];
const noAbuse = (ianaId: number | null, name: string | null): RdapRegistrar => ({
  ianaId,
  name,
  rdapUrl: null,
  abuseContacts: [],
});

/** What each recorded answer must parse to; every file in the folder needs an entry. */
const EXPECTED: Readonly<Record<string, RdapDomainRecord>> = {
  'verisign-com__google.com.json': {
    registrar: markMonitor('+1.2083895740', 'https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM'),
    status: verisignStatus,
    redacted: [],
    relatedRegistrarUrl: 'https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM',
  },
  'verisign-com__google.com.registry-step.json': {
    registrar: markMonitor('+1.2086851750', 'https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM'),
    status: verisignStatus,
    redacted: [],
    relatedRegistrarUrl: 'https://rdap.markmonitor.com/rdap/domain/GOOGLE.COM',
  },
  'markmonitor-registrar__google.com.registrar-step.json': {
    registrar: markMonitor('+1.2086851750', null),
    status: [
      'client update prohibited',
      'client transfer prohibited',
      'client delete prohibited',
      'server update prohibited',
      'server transfer prohibited',
      'server delete prohibited',
    ],
    redacted: [],
    relatedRegistrarUrl: null,
  },
  'verisign-com__themarquetry.com.json': {
    registrar: {
      ianaId: 1647,
      name: 'Hosting Concepts B.V. d/b/a Registrar.eu',
      rdapUrl: 'https://rdap.registrar.eu/v1/domain/THEMARQUETRY.COM',
      abuseContacts: [{ email: 'abuse@registrar.eu', phone: '+31.104482297', source: SOURCE }],
    },
    status: ['client transfer prohibited'],
    redacted: [],
    relatedRegistrarUrl: 'https://rdap.registrar.eu/v1/domain/THEMARQUETRY.COM',
  },
  'verisign-com__20c.com.json': {
    // Handle "113" is joker.com's IANA id, but without publicIds the answer does not say so.
    registrar: {
      ianaId: null,
      name: 'CSL Computer Service Langenbach GmbH d/b/a joker.com',
      rdapUrl: 'https://rdap.joker.com/domain/20C.COM',
      abuseContacts: [{ email: 'abuse@joker.com', phone: '+49.21186767447', source: SOURCE }],
    },
    status: [],
    redacted: [],
    relatedRegistrarUrl: 'https://rdap.joker.com/domain/20C.COM',
  },
  'afnic-fr__afnic.fr.json': {
    registrar: noAbuse(9999, 'Registry Operations'),
    status: ['active'],
    redacted: [],
    relatedRegistrarUrl: null,
  },
  'afnic-fr__lemonde.fr.json': {
    registrar: noAbuse(1251, 'NAMESHIELD'),
    status: [
      'server update prohibited',
      'server transfer prohibited',
      'server delete prohibited',
      'server recover prohibited',
    ],
    redacted: [],
    relatedRegistrarUrl: null,
  },
  'norid-no__norway.no.json': {
    registrar: noAbuse(null, 'Domeneshop AS'),
    status: [],
    redacted: [],
    relatedRegistrarUrl: null,
  },
  'cznic-cz__example.cz.json': {
    registrar: noAbuse(null, null),
    status: ['active'],
    redacted: [],
    relatedRegistrarUrl: null,
  },
  'flexireg-moscow__home.moscow.json': {
    registrar: {
      ianaId: 1606,
      name: 'Limited Liability Company "Registrar of domain names REG.RU"',
      rdapUrl: null,
      // Recorded as three tel properties: tel:+7, tel:495, tel:5801111.
      abuseContacts: [{ email: 'abuse@reg.ru', phone: '+74955801111', source: SOURCE }],
    },
    status: ['client transfer prohibited'],
    redacted: [],
    relatedRegistrarUrl: null,
  },
  'click__microsoft.click.json': {
    registrar: {
      ianaId: null,
      name: 'MarkMonitor Inc.',
      rdapUrl: null,
      abuseContacts: [{ email: 'abusecomplaints@markmonitor.com', phone: '+1.2083895740', source: SOURCE }],
    },
    status: ['client update prohibited', 'client transfer prohibited', 'client delete prohibited'],
    redacted: [],
    relatedRegistrarUrl: null,
  },
  'SYNTHETIC-rfc9537-redaction__example.com.json': {
    registrar: {
      ianaId: 1,
      name: 'Example Registrar Inc.',
      rdapUrl: null,
      abuseContacts: [{ email: 'abuse@organization.example', phone: '+1.7035555555', source: SOURCE }],
    },
    status: [
      'server delete prohibited',
      'server update prohibited',
      'server transfer prohibited',
      'client transfer prohibited',
    ],
    redacted: [
      'Registry Domain ID',
      'Registrant Name',
      'Registrant Organization',
      'Registrant Street',
      'Registrant City',
      'Registrant Postal Code',
      'Registrant Email',
      'Registrant Phone',
      'Technical Name',
      'Technical Email',
      'Technical Phone',
      'Technical Fax',
      'Administrative Contact',
      'Billing Contact',
    ],
    relatedRegistrarUrl: null,
  },
};

describeWithSharedData('parseRdapDomain on the recorded responses', () => {
  it('has an expectation for every recorded response', () => {
    const files = readdirSync(responsesDir()).filter((file) => file.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', (file) => {
    const json: unknown = JSON.parse(readFileSync(`${responsesDir()}/${file}`, 'utf8'));
    expect(parseRdapDomain(json, SOURCE)).toEqual({ kind: 'parsed', domain: EXPECTED[file] });
  });
});
