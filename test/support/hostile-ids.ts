import fc from 'fast-check';
import { hostileString, hugeString, wrongType } from './hostile-values';

/** Hostile ids, cursors and evidence values (base64 content, hashes, media types). */

export const HOSTILE_UUIDS: readonly string[] = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  'not-an-id',
  'org-1',
  '1',
  '0',
  '-1',
];

/** Ids: the suite's real ones (of every kind), random well-formed ones, and malformed ones. */
export const hostileId = (real: readonly string[]): fc.Arbitrary<unknown> => {
  const ids = real.length > 0 ? fc.constantFrom(...real) : fc.uuid();
  return fc.oneof(
    { weight: 4, arbitrary: ids },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_UUIDS) },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.oneof(ids, fc.uuid()), fc.nat(8)).map(([id, how]) => {
        switch (how) {
          case 0:
            return id.toUpperCase();
          case 1:
            return ` ${id} `;
          case 2:
            return id.replace(/-/g, '');
          case 3:
            return `{${id}}`;
          case 4:
            return `${id}\u0000`;
          case 5:
            return id.slice(0, -1);
          case 6:
            return `${id}' OR 1=1 --`;
          case 7:
            return `incident-${id}`;
          default:
            return `${id}${id}`;
        }
      }),
    },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.array(ids, { maxLength: 2 })) },
  );
};

const base64url = (text: string): string => Buffer.from(text).toString('base64url');

/** Cursors: random base64, base64 of arbitrary JSON, right-shaped ones with hostile keys, mangled real ones. */
export const hostileCursor = (real: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
    fc.jsonValue({ maxDepth: 3 }).map((value) => base64url(JSON.stringify(value))),
    fc
      .array(
        fc.oneof(
          hostileString,
          fc.uuid(),
          fc.date().map((d) => d.toISOString()),
        ),
        { maxLength: 4 },
      )
      .map((parts) => base64url(JSON.stringify(parts))),
    ...(real.length > 0
      ? [
          fc
            .tuple(fc.constantFrom(...real), fc.nat(4))
            .map(([cursor, how]) =>
              how === 0 ? cursor.slice(0, -2) : how === 1 ? `${cursor}==` : how === 2 ? ` ${cursor}` : cursor,
            ),
        ]
      : []),
    hostileString,
    wrongType,
  );

/** Evidence content: valid base64 (some past the content limit), broken base64, or anything. */
export const hostileBase64: fc.Arbitrary<unknown> = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  fc.integer({ min: 4_000, max: 200_000 }).map((n) => Buffer.alloc(n, 0x41).toString('base64')),
  fc.constantFrom(
    '',
    '=',
    '====',
    'PGh0bWw+',
    'PGh0bWw',
    'PGh0bWw+ZmFrZSBsb2dpbjwvaHRtbD4',
    'PGh0bWw+\nZmFrZQ==',
    'PGh0_bWw-',
    'data:text/html;base64,PGh0bWw+',
    '!!!!',
    'QUJD\u0000',
  ),
  hostileString,
  wrongType,
);

export const hostileSha256: fc.Arbitrary<unknown> = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{64}$/),
  fc.constantFrom(
    'a'.repeat(63),
    'A'.repeat(64),
    'g'.repeat(64),
    `${'a'.repeat(64)}\n`,
    'sha256:' + 'a'.repeat(64),
  ),
  hostileString,
  wrongType,
);

export const hostileMediaType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'text/html',
    'text/html; charset=utf-8',
    'text/html\r\nX-Injected: 1',
    '*/*',
    'text',
    '/',
    '../../etc/passwd',
    'application/x-msdownload',
    'image/svg+xml',
  ),
  hugeString,
  hostileString,
);
