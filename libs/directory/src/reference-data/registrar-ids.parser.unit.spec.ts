import { readFileSync } from 'node:fs';
import { describeWithSharedData, sharedDataPath } from '@test/support/shared-data';
import { ReferenceDataFormatError } from './reference-data.errors';
import { parseRegistrarIds } from './registrar-ids.parser';

const containing = (text: string): string => expect.stringContaining(text) as string;

const HEADER = '"ID",Registrar Name,Status,RDAP Base URL';

describeWithSharedData('parseRegistrarIds on the IANA registrar id list', () => {
  const file = 'registrars/iana-registrar-ids.csv';
  const result = parseRegistrarIds(readFileSync(sharedDataPath(file), 'utf8'), file);
  const registrar = (id: number) => result.records.find((record) => record.ianaId === id);

  it('reads all 4177 rows: 3020 accredited, 1142 terminated, 15 reserved', () => {
    expect(result.rejections).toEqual([]);
    expect(result.records).toHaveLength(4177);
    const count = (status: string) => result.records.filter((record) => record.status === status).length;
    expect([count('ACCREDITED'), count('TERMINATED'), count('RESERVED')]).toEqual([3020, 1142, 15]);
  });

  it('finds MarkMonitor under 292 with its RDAP server', () => {
    expect(registrar(292)).toEqual({
      source: { file, line: expect.any(Number) as number },
      ianaId: 292,
      name: 'MarkMonitor Inc.',
      status: 'ACCREDITED',
      rdapBaseUrl: 'https://rdap.markmonitor.com/rdap/',
    });
  });

  it('keeps quoted names with commas and reserved ids without RDAP', () => {
    expect(registrar(2)).toMatchObject({ name: 'Network Solutions, LLC', source: { file, line: 3 } });
    expect(registrar(9999)).toMatchObject({ status: 'RESERVED', rdapBaseUrl: null });
  });
});

describe('parseRegistrarIds on bad input', () => {
  it('rejects a non-numeric id, an unknown status, a bad URL and a duplicate, each with its line', () => {
    const text = [
      HEADER,
      '1,Reserved,Reserved,',
      'x12,"Bad, Id",Accredited,',
      '13,Odd Status,Suspended,',
      '14,Bad URL,Accredited,rdap.example.com',
      '15,,Accredited,',
      '1,Again,Accredited,',
    ].join('\n');
    expect(parseRegistrarIds(text, 'ids.csv').rejections).toEqual([
      { file: 'ids.csv', line: 3, reason: 'ID "x12" must be a positive integer' },
      { file: 'ids.csv', line: 4, reason: 'Status "Suspended" is not Accredited, Terminated or Reserved' },
      { file: 'ids.csv', line: 5, reason: containing('RDAP Base URL "rdap.example.com"') },
      { file: 'ids.csv', line: 6, reason: 'Registrar Name must not be empty' },
      { file: 'ids.csv', line: 7, reason: 'duplicate of IANA id 1 at line 2' },
    ]);
  });

  it('throws naming the file and the line for an unterminated quote', () => {
    const text = `${HEADER}\n1,Reserved,Reserved,\n2,"Network Solutions, LLC,Accredited,\n3,x,Accredited,\n`;
    expect(() => parseRegistrarIds(text, 'ids.csv')).toThrow(ReferenceDataFormatError);
    expect(() => parseRegistrarIds(text, 'ids.csv')).toThrow(/ids\.csv at line 3: /);
  });

  it('throws for a file with another header', () => {
    expect(() => parseRegistrarIds('id,name\n1,x\n', 'ids.csv')).toThrow(
      'header lacks ID, Registrar Name, Status, RDAP Base URL',
    );
  });
});
