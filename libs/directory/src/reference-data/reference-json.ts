import { ReferenceDataFormatError } from './reference-data.errors';
import type { Rejection } from './reference-records';
import type { ReferenceTable, SourceRow } from './reference-rows';

/**
 * Parses a file that must hold a JSON array. Invalid JSON is a ReferenceDataFormatError naming
 * the line of the error; so is any other top-level value.
 */
export function readJsonArray(text: string, file: string): readonly unknown[] {
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new ReferenceDataFormatError(
      file,
      jsonErrorLine(body, error.message),
      `invalid JSON (${error.message})`,
    );
  }
  if (!Array.isArray(data)) {
    throw new ReferenceDataFormatError(file, 1, `must hold a JSON array of records, not ${describe(data)}`);
  }
  return data;
}

/**
 * Reads a JSON array of flat objects as rows of string cells (booleans and numbers as text, null
 * as empty), so a parser maps CSV and JSON the same way. Line = 1-based array index. The first
 * element must have every column, as a CSV header must; later elements that lack one, or are
 * not objects, are rejections.
 */
export function readJsonTable<C extends string>(
  text: string,
  file: string,
  columns: readonly C[],
): ReferenceTable<C> {
  const elements = readJsonArray(text, file);
  const first: unknown = elements[0];
  if (isJsonObject(first)) {
    const missing = columns.filter((column) => !(column in first));
    if (missing.length > 0) {
      throw new ReferenceDataFormatError(file, 1, `the first record lacks ${missing.join(', ')}`);
    }
  }
  const rows: SourceRow<C>[] = [];
  const rejections: Rejection[] = [];
  elements.forEach((element, index) => {
    const line = index + 1;
    const cells = isJsonObject(element) ? toCells(element, columns) : 'is not a JSON object';
    if (typeof cells === 'string') rejections.push({ file, line, reason: cells });
    else rows.push({ line, cells });
  });
  return { rows, rejections };
}

export function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toCells<C extends string>(
  element: Readonly<Record<string, unknown>>,
  columns: readonly C[],
): Record<C, string> | string {
  const cells: Partial<Record<C, string>> = {};
  for (const column of columns) {
    if (!(column in element)) return `lacks the field ${column}`;
    const value = element[column];
    if (value === null) cells[column] = '';
    else if (typeof value === 'string') cells[column] = value.trim();
    else if (typeof value === 'boolean' || typeof value === 'number') cells[column] = String(value);
    else return `field ${column} must be text, a number or a boolean, not ${describe(value)}`;
  }
  return cells as Record<C, string>;
}

function jsonErrorLine(text: string, message: string): number {
  const lineColumn = /\(line (\d+) column \d+\)/.exec(message);
  if (lineColumn?.[1] !== undefined) return Number(lineColumn[1]);
  const offset = jsonErrorOffset(text, message) ?? text.length;
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** Characters of source V8 quotes on each side of an unexpected token. */
const V8_CONTEXT_CHARACTERS = 10;

/**
 * V8 gives "at position N" for most errors; for an unexpected token it quotes the source around
 * it instead (`..."<10 before>T<10 after>"...`), which is found in the text. No position at all
 * ("Unexpected end of JSON input") means the end.
 */
function jsonErrorOffset(text: string, message: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position?.[1] !== undefined) return Number(position[1]);
  const quoted = /^Unexpected token .*?, (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  const snippet = quoted?.[2];
  if (quoted === null || snippet === undefined) return undefined;
  const at = text.indexOf(snippet);
  if (at < 0) return undefined;
  if (quoted[1] !== undefined) return at + V8_CONTEXT_CHARACTERS;
  return quoted[3] !== undefined ? at + snippet.length - 1 - V8_CONTEXT_CHARACTERS : at;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
