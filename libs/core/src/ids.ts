import { createHash, randomUUID } from 'node:crypto';

/** A random UUID (v4), for event ids and correlation ids. */
export const newEventId = (): string => randomUUID();

/**
 * A UUIDv7: time-ordered, so ids of aggregates created together sit together in B-tree indexes.
 * Node 20's crypto has no v7; this follows RFC 9562 section 5.7.
 */
export function uuidV7(now: number = Date.now()): string {
  // randomUUID draws from a buffered pool, far cheaper per call than randomBytes(16); its variant
  // bits are already those of v7, and the timestamp and version replace the rest of its first half.
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

/** A name-based UUIDv5 (RFC 9562 section 5.5): the same name always gives the same id. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  hash[6] = 0x50 | (hash.readUInt8(6) & 0x0f);
  hash[8] = 0x80 | (hash.readUInt8(8) & 0x3f);
  return formatUuid(hash);
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
