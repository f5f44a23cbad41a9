import { CsvError, parse } from 'csv-parse/sync';
import { ReferenceDataFormatError } from './reference-data.errors';
import type { ReferenceTable, SourceRow } from './reference-rows';

interface RawRecord {
  readonly fields: readonly string[];
  readonly line: number;
}

/**
 * Reads a CSV file with a header row into rows keyed by the `columns` a parser needs (cells
 * trimmed; other columns ignored). A row whose field count differs from the header's is a
 * rejection; an unparseable file or a header without those columns is a ReferenceDataFormatError.
 */
export function readCsvTable<C extends string>(
  text: string,
  file: string,
  columns: readonly C[],
): ReferenceTable<C> {
  const [header, ...records] = parseRecords(text, file);
  if (header === undefined) {
    throw new ReferenceDataFormatError(file, 1, `is empty; expected a header with ${columns.join(', ')}`);
  }
  const names = header.fields.map((name) => name.trim());
  const missing = columns.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    const found = names.join(', ');
    throw new ReferenceDataFormatError(
      file,
      header.line,
      `header lacks ${missing.join(', ')} (found: ${found})`,
    );
  }
  const rows: SourceRow<C>[] = [];
  const rejections = [];
  for (const record of records) {
    if (record.fields.length !== names.length) {
      const reason = `has ${record.fields.length} fields where the header has ${names.length}`;
      rejections.push({ file, line: record.line, reason });
      continue;
    }
    const cells = Object.fromEntries(
      columns.map((column) => [column, (record.fields[names.indexOf(column)] ?? '').trim()]),
    ) as Record<C, string>;
    rows.push({ line: record.line, cells });
  }
  return { rows, rejections };
}

/**
 * csv-parse's own line counter drifts on CRLF files with blank lines, so each record's first
 * line is counted here from the byte offset where the previous record ended.
 */
function parseRecords(text: string, file: string): RawRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  const lines = new LineCounter(bytes);
  const starts: number[] = [];
  let previousEnd = 0;
  try {
    const records = parse(bytes, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: string[], context) => {
        starts.push(lines.lineAfter(previousEnd));
        previousEnd = context.bytes;
        return record;
      },
    });
    return records.map((fields, index) => ({ fields, line: starts[index] ?? 0 }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = lines.lineAfter(previousEnd);
    throw new ReferenceDataFormatError(file, line, `cannot parse the row starting here (${error.message})`);
  }
}

/** 1-based line numbers of byte offsets, asked for in increasing order. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly bytes: Buffer) {}

  /** Line of the first byte at or after `offset` that is not a line break (where the next row starts). */
  lineAfter(offset: number): number {
    let start = offset;
    while (start < this.bytes.length && isLineBreak(this.bytes[start])) start += 1;
    for (; this.offset < start; this.offset += 1) {
      const byte = this.bytes[this.offset];
      const crlf = byte === CR && this.bytes[this.offset + 1] === LF;
      if (byte === LF || (byte === CR && !crlf)) this.line += 1;
    }
    return this.line;
  }
}

const LF = 0x0a;
const CR = 0x0d;
const isLineBreak = (byte: number | undefined): boolean => byte === LF || byte === CR;
