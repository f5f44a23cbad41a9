import { accept, checkEmail, checkRegistrarId, checkWebUrl, refuse } from './contact-values';
import type { ValueCheck } from './contact-values';
import { readCsvTable } from './reference-csv';
import type { AbuseContactRecord } from './reference-records';
import type { RowOutcome, SkippingParseResult, SourceRow } from './reference-rows';
import {
  SKIPPED,
  cell,
  checkFlag,
  checkIsoDate,
  checkTldLabel,
  collectRecords,
  optionalCell,
} from './reference-rows';

/**
 * The abuse-contact lists of registries (by TLD) and registrars (by IANA id) in the layout of the
 * Digging DNS survey: `email`, `form`, `found` (TRUE/FALSE) and `as_of`. Rows the survey marks as
 * not found, or that give neither email nor form, are skipped, not rejected.
 */
const CONTACT_COLUMNS = ['email', 'form', 'found', 'as_of'] as const;
type ContactColumn = (typeof CONTACT_COLUMNS)[number];

export function parseRegistryAbuseContacts(
  text: string,
  file: string,
): SkippingParseResult<AbuseContactRecord> {
  const table = readCsvTable(text, file, ['tld', ...CONTACT_COLUMNS] as const);
  return collectRecords(
    file,
    table,
    (row) => abuseContact(file, row, cell('tld', row.cells.tld, checkTldLabel)),
    (record) => `TLD ${record.subject}`,
  );
}

export function parseRegistrarAbuseContacts(
  text: string,
  file: string,
): SkippingParseResult<AbuseContactRecord> {
  const table = readCsvTable(text, file, ['iana_id', ...CONTACT_COLUMNS] as const);
  return collectRecords(
    file,
    table,
    (row) => {
      const id = cell('iana_id', row.cells.iana_id, checkRegistrarId);
      return abuseContact(file, row, id.ok ? accept(String(id.value)) : id);
    },
    (record) => `IANA id ${record.subject}`,
  );
}

function abuseContact(
  file: string,
  { line, cells }: SourceRow<ContactColumn>,
  subject: ValueCheck<string>,
): RowOutcome<AbuseContactRecord> {
  if (!subject.ok) return subject;
  const found = cell('found', cells.found, checkFlag);
  if (!found.ok) return found;
  if (!found.value || (cells.email === '' && cells.form === '')) return SKIPPED;
  const contact = contactOf(cells.email, cells.form);
  if (!contact.ok) return contact;
  const asOf = optionalCell('as_of', cells.as_of, checkIsoDate);
  if (!asOf.ok) return asOf;
  return accept({ source: { file, line }, subject: subject.value, ...contact.value, asOf: asOf.value });
}

/**
 * The survey's cells are hand-written: several addresses on separate lines, a trailing dot or
 * comma, prose around a URL, a form URL in the email column. The first usable value of each kind
 * is taken (a URL in the email column serves as the form when there is none); a cell with
 * nothing usable refuses the row, naming what was wrong.
 */
function contactOf(
  emailCell: string,
  formCell: string,
): ValueCheck<{ readonly email: string | null; readonly formUrl: string | null }> {
  const emailParts = emailCell.split(/[\s,;]+/).filter((part) => part !== '');
  const urlsInEmailCell = emailParts.filter((part) => /^https?:\/\//i.test(part));
  const addresses = emailParts.filter((part) => !urlsInEmailCell.includes(part));
  const email = firstValid('email', addresses, checkEmail);
  if (!email.ok) return email;
  const formCandidates = urlsIn(formCell);
  const form = firstValid('form', formCandidates.length > 0 ? formCandidates : [formCell], checkWebUrl);
  if (!form.ok) return form;
  const misplacedForm =
    form.value === null ? firstValid('email', urlsInEmailCell, checkWebUrl) : accept(null);
  if (!misplacedForm.ok) return misplacedForm;
  const formUrl = form.value ?? misplacedForm.value;
  if (email.value === null && formUrl === null)
    return refuse('has neither a usable email nor a usable form URL');
  return accept({ email: email.value, formUrl });
}

function urlsIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s,;"'<>\u3000-\u303f\uff00-\uffef]+/gi) ?? [];
}

/** The first candidate that passes; null when there are none; the first reason when none pass. */
function firstValid(
  column: string,
  candidates: readonly string[],
  check: (value: string) => ValueCheck<string>,
): ValueCheck<string | null> {
  const present = candidates.map((candidate) => candidate.trim()).filter((candidate) => candidate !== '');
  const results = present.map((candidate) => cell(column, candidate, check));
  const valid = results.find((result) => result.ok);
  if (valid !== undefined) return valid;
  return results[0] ?? accept(null);
}
