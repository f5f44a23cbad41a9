import { readFileSync } from 'node:fs';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import { parseRegistrarAbuseContacts, parseRegistryAbuseContacts } from './abuse-contacts.parser';
import type { AbuseContactRecord } from './reference-records';

const containing = (text: string): string => expect.stringContaining(text) as string;

const contactOf = (records: readonly AbuseContactRecord[], subject: string) =>
  records.find((record) => record.subject === subject);

describeWithSharedData('parseRegistryAbuseContacts on the Digging DNS registry survey', () => {
  const file = 'tld-registry/diggingdns-gtld-registry-abuse-contacts.csv';
  const result = parseRegistryAbuseContacts(readFileSync(sharedDataPath(file), 'utf8'), file);

  it('keeps the 961 found contacts that give an email or a form, and skips the rest', () => {
    expect(result.rejections).toEqual([]);
    expect(result.records).toHaveLength(950);
    expect(result.skipped).toBe(1119 - 950);
  });

  it('names the TLD without its dot, IDN TLDs written without one included', () => {
    expect(contactOf(result.records, 'mango')).toEqual({
      source: { file, line: 2 },
      subject: 'mango',
      email: 'mangogtld@ubilibet.com',
      formUrl: null,
      asOf: '2025-07-17',
    });
    expect(contactOf(result.records, 'xn--cckwcxetd')?.email).toBe('registry-abuse@amazon.com');
    expect(contactOf(result.records, 'nowtv')).toBeUndefined();
  });

  it('takes the first value of a multi-line cell and tidies trailing dots and spaces', () => {
    expect(contactOf(result.records, 'top')).toMatchObject({
      email: 'abuse@nic.top',
      formUrl: 'https://www.nic.top/cn/Complaintsnew.asp',
      source: { file, line: 6 },
    });
    expect(contactOf(result.records, 'bestbuy')).toMatchObject({
      email: 'bestbuyregistry@fairwindspartners.com',
      source: { file, line: 123 },
    });
    expect(contactOf(result.records, 'xyz')?.email).toBe('xyz_abuse@gen.xyz');
    expect(contactOf(result.records, 'weather')?.email).toBe('abuseregistry@weather.com');
  });
});

describeWithSharedData('parseRegistrarAbuseContacts on the Digging DNS registrar survey', () => {
  const file = 'registrars/diggingdns-registrars.csv';
  const result = parseRegistrarAbuseContacts(readFileSync(sharedDataPath(file), 'utf8'), file);

  it('keeps the found contacts, skips the rest and rejects two unusable addresses', () => {
    expect(result.records).toHaveLength(2786);
    expect(result.skipped).toBe(231);
    expect(result.rejections).toEqual([
      { file, line: 41, reason: 'email "reportabuse@ibi@ibi.net" must contain exactly one "@"' },
      { file, line: 230, reason: containing('email "domainabuse@40.86.78.67" domain') },
    ]);
  });

  it('names the registrar by its IANA id', () => {
    expect(contactOf(result.records, '292')).toEqual({
      source: { file, line: 60 },
      subject: '292',
      email: 'abusecomplaints@markmonitor.com',
      formUrl: null,
      asOf: '2025-07-22',
    });
  });

  it('reads a form URL written in the email column as the form', () => {
    expect(contactOf(result.records, '88')).toMatchObject({
      email: null,
      formUrl: 'https://www.namebay.com/abus/',
    });
    expect(contactOf(result.records, '2')).toMatchObject({
      email: null,
      formUrl: 'https://www.newfold.com/abuse',
    });
  });
});

describe('abuse-contact parsers on bad rows', () => {
  const header = 'iana_id,name,link,email,form,api,notes,found,as_of';

  it('rejects a non-numeric IANA id with the line of the row, and skips rows without a contact', () => {
    const text = [
      header,
      '1,"Multi\nLine, Inc.",http://a.example,abuse@a.example,,,,TRUE,2025-07-22',
      'abc,B,http://b.example,abuse@b.example,,,,TRUE,2025-07-22',
      '3,C,http://c.example,,,,Unable to locate,FALSE,2025-07-22',
      '4,D,http://d.example,,,,,TRUE,2025-07-22',
      '5,E,http://e.example,abuse@e.example,,,,maybe,2025-07-22',
      '6,F,http://f.example,abuse@f.example,ftp://f.example/abuse,,,TRUE,22/07/2025',
      '1,G,http://g.example,abuse@g.example,,,,TRUE,',
    ].join('\n');
    const result = parseRegistrarAbuseContacts(text, 'registrars.csv');
    expect(result.records.map((record) => [record.subject, record.source.line])).toEqual([['1', 2]]);
    expect(result.skipped).toBe(2);
    expect(result.rejections).toEqual([
      { file: 'registrars.csv', line: 4, reason: 'iana_id "abc" must be a positive integer' },
      { file: 'registrars.csv', line: 7, reason: 'found "maybe" must be true or false' },
      { file: 'registrars.csv', line: 8, reason: 'form "ftp://f.example/abuse" must use http or https' },
      { file: 'registrars.csv', line: 9, reason: 'duplicate of IANA id 1 at line 2' },
    ]);
  });

  it('rejects a bad TLD', () => {
    const text =
      'tld,link,name,email,form,api,notes,found,as_of\n.bad_tld,,,abuse@x.example,,,,TRUE,2025-07-17\n';
    expect(parseRegistryAbuseContacts(text, 'registries.csv').rejections).toEqual([
      {
        file: 'registries.csv',
        line: 2,
        reason: containing('tld ".bad_tld" is not a top-level label'),
      },
    ]);
  });
});
