import { readCsvTable } from './reference-csv';
import { ReferenceDataFormatError } from './reference-data.errors';
import { readJsonArray, readJsonTable } from './reference-json';
import { checkFlag, checkIsoDate, checkTldLabel } from './reference-rows';

const formatErrorOf = (read: () => unknown): ReferenceDataFormatError => {
  try {
    read();
  } catch (error) {
    if (error instanceof ReferenceDataFormatError) return error;
    throw error;
  }
  throw new Error('expected a ReferenceDataFormatError');
};

describe('readCsvTable', () => {
  const columns = ['id', 'name'] as const;

  it('gives each row the physical line it starts on, across quoted line breaks and blank lines', () => {
    const text = 'id,name,extra\n1,"two\nlines",x\n\n2,plain,y\n"3","quoted\r\nCRLF",z\n4,last,w';
    const { rows, rejections } = readCsvTable(text, 'f.csv', columns);
    expect(rejections).toEqual([]);
    expect(rows.map((row) => [row.line, row.cells.id, row.cells.name])).toEqual([
      [2, '1', 'two\nlines'],
      [5, '2', 'plain'],
      [6, '3', 'quoted\r\nCRLF'],
      [8, '4', 'last'],
    ]);
  });

  it('counts CRLF files with blank lines correctly', () => {
    const text = '\uFEFFid,name\r\n1,a\r\n\r\n2,"b\r\nc"\r\n3,d\r\n';
    const { rows } = readCsvTable(text, 'f.csv', columns);
    expect(rows.map((row) => row.line)).toEqual([2, 4, 6]);
  });

  it('rejects a row whose field count differs from the header, naming its line', () => {
    const { rows, rejections } = readCsvTable('id,name\n1,a\n2,b,extra\n3\n4,d\n', 'f.csv', columns);
    expect(rows.map((row) => row.line)).toEqual([2, 5]);
    expect(rejections).toEqual([
      { file: 'f.csv', line: 3, reason: 'has 3 fields where the header has 2' },
      { file: 'f.csv', line: 4, reason: 'has 1 fields where the header has 2' },
    ]);
  });

  it('throws naming the file and the line where an unclosed quote starts', () => {
    const error = formatErrorOf(() => readCsvTable('id,name\n1,a\n2,"open\n3,c\n4,d\n', 'f.csv', columns));
    expect(error.file).toBe('f.csv');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^Malformed reference data file f\.csv at line 3: .*Quote Not Closed/);
  });

  it('throws on a stray quote inside an unquoted field', () => {
    expect(formatErrorOf(() => readCsvTable('id,name\n1,a\n2,b"c\n', 'f.csv', columns)).line).toBe(3);
  });

  it('throws when the header lacks a needed column, or the file is empty', () => {
    const missing = formatErrorOf(() => readCsvTable('id,title\n1,a\n', 'f.csv', columns));
    expect(missing.message).toContain('header lacks name (found: id, title)');
    expect(missing.line).toBe(1);
    expect(formatErrorOf(() => readCsvTable('', 'f.csv', columns)).message).toContain('is empty');
  });
});

describe('readJsonArray', () => {
  it('names the line of a syntax error V8 reports by position', () => {
    const error = formatErrorOf(() => readJsonArray('[\n  {"a": 1},\n  {"a": 2,}\n]', 'f.json'));
    expect(error.line).toBe(3);
    expect(error.message).toContain('f.json at line 3: invalid JSON');
  });

  it('names the line of an unexpected token V8 reports by quoting the source', () => {
    const text = `[\n${'  {"a": "padding padding"},\n'.repeat(3)}  {"a": tru},\n  {"a": 2}\n]`;
    expect(formatErrorOf(() => readJsonArray(text, 'f.json')).line).toBe(5);
  });

  it('names the last line when the file ends too early', () => {
    expect(formatErrorOf(() => readJsonArray('[\n {"a": 1},\n', 'f.json')).line).toBe(3);
  });

  it('accepts a byte order mark and refuses a top-level value that is not an array', () => {
    expect(readJsonArray('\uFEFF[1]', 'f.json')).toEqual([1]);
    expect(formatErrorOf(() => readJsonArray('{"tlds": []}', 'f.json')).message).toContain(
      'must hold a JSON array of records, not an object',
    );
  });
});

describe('readJsonTable', () => {
  const columns = ['tld', 'delegated'] as const;

  it('reads flat objects as text cells, line = 1-based index', () => {
    const text = JSON.stringify([
      { tld: ' com ', delegated: true },
      { tld: 'bad', delegated: null },
    ]);
    expect(readJsonTable(text, 'f.json', columns).rows).toEqual([
      { line: 1, cells: { tld: 'com', delegated: 'true' } },
      { line: 2, cells: { tld: 'bad', delegated: '' } },
    ]);
  });

  it('rejects elements that are not objects, lack a field or nest one', () => {
    const text = JSON.stringify([
      { tld: 'com', delegated: true },
      'fr',
      { tld: 'de' },
      { tld: [], delegated: 1 },
    ]);
    expect(readJsonTable(text, 'f.json', columns).rejections).toEqual([
      { file: 'f.json', line: 2, reason: 'is not a JSON object' },
      { file: 'f.json', line: 3, reason: 'lacks the field delegated' },
      { file: 'f.json', line: 4, reason: 'field tld must be text, a number or a boolean, not an array' },
    ]);
  });

  it('throws when the first record lacks a field, as a CSV header would', () => {
    expect(formatErrorOf(() => readJsonTable('[{"name": "x"}]', 'f.json', columns)).message).toContain(
      'the first record lacks tld, delegated',
    );
  });
});

describe('cell checks', () => {
  it('checkTldLabel stores lower-case A-labels and refuses what no TLD can be', () => {
    expect(['COM', '.fr', 'рф', 'xn--p1ai.'].map((label) => checkTldLabel(label))).toEqual(
      ['com', 'fr', 'xn--p1ai', 'xn--p1ai'].map((value) => ({ ok: true, value })),
    );
    expect(
      ['c0m', 'a', 'xn--', 'xn--zz', 'ex ample', 'co.uk', ''].map((label) => checkTldLabel(label).ok),
    ).toEqual(Array(7).fill(false));
  });

  it('checkIsoDate accepts only dates that exist', () => {
    expect(checkIsoDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(
      ['2025-02-29', '2025-13-01', '17/07/2025', '2025-7-17'].map((date) => checkIsoDate(date).ok),
    ).toEqual(Array(4).fill(false));
  });

  it('checkFlag reads TRUE/true/False', () => {
    expect(['TRUE', 'true', 'False'].map((flag) => checkFlag(flag))).toEqual([
      { ok: true, value: true },
      { ok: true, value: true },
      { ok: true, value: false },
    ]);
    expect(checkFlag('yes').ok).toBe(false);
  });
});
