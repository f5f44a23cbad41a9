import { domainToASCII, domainToUnicode } from 'node:url';
import type { ParseResult, Rejection } from './reference-records';
import type { ValueCheck } from './contact-values';
import { accept, refuse } from './contact-values';

/** One row of a source file, cells by column name, whatever the file format. */
export interface SourceRow<C extends string> {
  /** 1-based physical line (CSV) or 1-based array index (JSON). */
  readonly line: number;
  readonly cells: Readonly<Record<C, string>>;
}

export interface ReferenceTable<C extends string> {
  readonly rows: readonly SourceRow<C>[];
  /** Rows that could not even be read as cells (wrong field count, not an object). */
  readonly rejections: readonly Rejection[];
}

/** A parse result whose source also lists entries it marks as having nothing to import. */
export interface SkippingParseResult<T> extends ParseResult<T> {
  /** Rows deliberately left out (e.g. the source says no contact was found): not errors. */
  readonly skipped: number;
}

/** What a parser makes of one row. */
export type RowOutcome<T> = ValueCheck<T> | { readonly ok: 'skipped' };
export const SKIPPED = { ok: 'skipped' } as const;

/**
 * Turns rows into records, rejecting a row whose key an earlier row already used, and returns
 * rejections in file order.
 */
export function collectRecords<R extends { readonly line: number }, T>(
  file: string,
  table: { readonly rows: readonly R[]; readonly rejections: readonly Rejection[] },
  toRecord: (row: R) => RowOutcome<T>,
  keyOf: (record: T) => string,
): SkippingParseResult<T> {
  const records: T[] = [];
  const rejections: Rejection[] = [...table.rejections];
  const firstLineOfKey = new Map<string, number>();
  let skipped = 0;
  for (const row of table.rows) {
    const outcome = toRecord(row);
    if (outcome.ok === 'skipped') {
      skipped += 1;
    } else if (!outcome.ok) {
      rejections.push({ file, line: row.line, reason: outcome.reason });
    } else {
      const key = keyOf(outcome.value);
      const first = firstLineOfKey.get(key);
      if (first === undefined) {
        firstLineOfKey.set(key, row.line);
        records.push(outcome.value);
      } else {
        rejections.push({ file, line: row.line, reason: `duplicate of ${key} at line ${first}` });
      }
    }
  }
  rejections.sort((a, b) => a.line - b.line);
  return { records, rejections, skipped };
}

/** Runs `check` on a cell, naming the column and the value in the reason. */
export function cell<T>(
  column: string,
  value: string,
  check: (value: string) => ValueCheck<T>,
): ValueCheck<T> {
  const result = check(value);
  return result.ok ? result : refuse(`${column} ${quoted(value)} ${result.reason}`);
}

/** As {@link cell}, but an empty cell is `null` rather than a refusal. */
export function optionalCell<T>(
  column: string,
  value: string,
  check: (value: string) => ValueCheck<T>,
): ValueCheck<T | null> {
  return value === '' ? accept(null) : cell(column, value, check);
}

export function requiredText(column: string, value: string): ValueCheck<string> {
  return value === '' ? refuse(`${column} must not be empty`) : accept(value);
}

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
export function checkIsoDate(input: string): ValueCheck<string> {
  const date = input.trim();
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  const exists = parsed !== null && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
  return exists ? accept(date) : refuse('must be a date YYYY-MM-DD');
}

/** `true`/`false` in any case, as the sources write them (`TRUE`, `true`). */
export function checkFlag(input: string): ValueCheck<boolean> {
  const flag = input.trim().toLowerCase();
  if (flag === 'true') return accept(true);
  return flag === 'false' ? accept(false) : refuse('must be true or false');
}

/**
 * A top-level label as the directory stores it: lower-case A-label, all letters or `xn--`
 * punycode that decodes. A leading or trailing dot, upper case and U-labels are accepted.
 */
export function checkTldLabel(input: string): ValueCheck<string> {
  const label = input.trim().replace(/^\./, '').replace(/\.$/, '');
  const ascii = /^[\x21-\x7e]*$/.test(label) ? label.toLowerCase() : domainToASCII(label);
  if (/^[a-z]{2,63}$/.test(ascii)) return accept(ascii);
  if (/^xn--[a-z0-9-]{1,59}$/.test(ascii) && !ascii.endsWith('-') && domainToUnicode(ascii) !== '') {
    return accept(ascii);
  }
  return refuse('is not a top-level label (letters only, or an xn-- A-label)');
}

function quoted(value: string): string {
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}..."` : json;
}
