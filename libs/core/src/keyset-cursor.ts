import { InvalidInputError } from './errors/domain-error';

/** Opaque cursors over keyset pagination: the sort key of the last row seen, as base64url JSON. */
export const encodeCursor = (...key: readonly string[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** @throws InvalidInputError (field `after`) when the cursor is not one this API returned. */
export function decodeCursor(cursor: string, parts: number): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === parts && value.every((part) => typeof part === 'string')) {
      return value;
    }
  } catch {
    // fall through to the typed error below
  }
  throw new InvalidInputError('after', cursor, 'is not a cursor returned by this API');
}

export const MAX_PAGE_SIZE = 100;

export function assertPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidInputError('first', first, `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
}
