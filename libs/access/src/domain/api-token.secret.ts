import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens look like `dnscc_<43 base64url characters>`: the prefix lets secret scanners and people
 * recognise them; 256 random bits make a fast hash safe to store (no password stretching needed).
 */
export const API_TOKEN_PREFIX = 'dnscc_';
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;
const TOKEN_SHAPE = /^dnscc_[A-Za-z0-9_-]{43}$/;

export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export const hashApiTokenSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

export const shownPrefixOf = (secret: string): string => secret.slice(0, SHOWN_PREFIX_LENGTH);

/** Cheap shape check before any lookup, so junk never reaches the database. */
export const looksLikeApiToken = (value: string): boolean => TOKEN_SHAPE.test(value);
