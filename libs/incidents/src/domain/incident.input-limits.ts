import { InvalidInputError } from '@app/core';

/**
 * Limits on what one caller may put into an incident. They bound the size of a stream and of
 * each event (every projection and every subscriber reads them), not what an analyst needs.
 * Lengths count UTF-16 code units, as JavaScript and the GraphQL layer do.
 */
export const MAX_DOMAINS_PER_INCIDENT = 100;
export const MAX_URLS_PER_INCIDENT = 100;
export const MAX_DESCRIPTION_LENGTH = 20_000;
export const MAX_COMMENT_LENGTH = 10_000;
export const MAX_NOTE_LENGTH = 2_000;
export const MAX_REOPEN_REASON_LENGTH = 2_000;
export const MAX_REPORTER_NAME_LENGTH = 200;
/** RFC 5321's longest usable e-mail address; contacts are usually one. */
export const MAX_REPORTER_CONTACT_LENGTH = 320;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
export const MAX_MEDIA_TYPE_LENGTH = 255;

/**
 * A required piece of free text: trimmed, not empty, at most `max` long.
 * NUL is refused because PostgreSQL text columns cannot hold it.
 */
export function requiredText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (text === '') throw new InvalidInputError(field, value, 'must not be empty');
  checkText(field, text, max);
  return text;
}

/** Optional free text: trimmed; absent or blank becomes null, so "no note" has one form. */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  checkText(field, text, max);
  return text;
}

/**
 * An opaque client token (idempotency key): kept exactly as sent, since trimming would make two
 * different keys equal.
 */
export function optionalToken(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (value === '') throw new InvalidInputError(field, value, 'must not be empty when given');
  if (value.length > max) throw new InvalidInputError(field, value, `must be at most ${max} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\s\u0000-\u001f\u007f]/u.test(value)) {
    throw new InvalidInputError(field, value, 'must not contain whitespace or control characters');
  }
  return value;
}

/** Refuses a list longer than `max`, before any costly per-item parsing. */
export function limitItems<T>(field: string, items: readonly T[], max: number): readonly T[] {
  if (items.length > max) {
    throw new InvalidInputError(field, `${items.length} items`, `must have at most ${max} items`);
  }
  return items;
}

function checkText(field: string, text: string, max: number): void {
  if (text.length > max) {
    throw new InvalidInputError(field, text, `must be at most ${max} characters (got ${text.length})`);
  }
  if (text.includes('\u0000')) throw new InvalidInputError(field, text, 'must not contain NUL characters');
}
