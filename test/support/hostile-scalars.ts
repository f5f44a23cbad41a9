import fc from 'fast-check';
import { RawJson } from './hostile-encoding';
import { hostileString, wrongType } from './hostile-values';

/** Hostile numbers, booleans, dates and enum values. */

/** Number tokens JSON.stringify cannot write: NaN, Infinity, beyond double range, hex, leading zeros. */
export const rawNumber: fc.Arbitrary<RawJson> = fc
  .constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '-1e999',
    '123456789012345678901234567890',
    '-0',
    '0x10',
    '1_000',
    '+1',
    '01',
    '1.',
    '.5',
  )
  .map((token) => new RawJson(token));

export const hostileInt: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.integer() },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      0,
      -1,
      1,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31),
      -(2 ** 31) - 1,
      Number.MAX_SAFE_INTEGER,
      Number.MAX_SAFE_INTEGER + 2,
      -0,
      0.5,
      1e308,
      5e-324,
      100,
      101,
      10_000,
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: rawNumber },
  { weight: 2, arbitrary: fc.constantFrom('5', '1e3', '0x10', ' 7', '', '∞', '١٢') },
  { weight: 1, arbitrary: wrongType },
);

export const hostileFloat: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -1, 1e-300, 1e308, -1e308, 24, 0.000001),
  rawNumber,
  hostileInt,
);

export const hostileBoolean: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean(),
  fc.constantFrom('true', 'false', 1, 0, 'yes', null, [true], {}),
);

export const DATE_EDGES: readonly string[] = [
  '+275760-09-13T00:00:00.000Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00.000Z',
  '-271821-04-19T23:59:59.999Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-26T24:00:00Z',
  '2026-12-31T23:59:60Z',
  '2026-11-26T25:61:61Z',
  '2026-11-26',
  '2026-11-26T09:54:33',
  '2026-11-26T09:54:33+14:00',
  '2026-11-26T09:54:33-12:00',
  '2026-11-26t09:54:33z',
  '2026-11-26 09:54:33Z',
  '20261126T095433Z',
  '2026-11-26T09:54:33.123456789Z',
  '+002026-11-26T00:00:00Z',
  'yesterday',
  'now',
  'Invalid Date',
  '1e20',
];

export const hostileDate: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...DATE_EDGES) },
  { weight: 2, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: hostileString },
);

const fullWidth = (text: string): string =>
  Array.from(text)
    .map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
    .join('');

/** Enum values in the wrong case, padded, look-alike, as strings where a name is due, or valid. */
export const hostileEnum = (values: readonly string[]): fc.Arbitrary<unknown> => {
  const valid = fc.constantFrom(...values);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    {
      weight: 4,
      arbitrary: valid.chain((v) =>
        fc.constantFrom(
          v.toLowerCase(),
          `${v.charAt(0)}${v.slice(1).toLowerCase()}`,
          ` ${v}`,
          `${v}\u0000`,
          `${v}S`,
          fullWidth(v),
          Array.from(v).join('\u200b'),
          v.replace(/I/g, 'İ'),
          v.replace(/_/g, '-'),
        ),
      ),
    },
    { weight: 1, arbitrary: fc.mixedCase(valid) },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: valid.map((v) => [v]) },
    { weight: 1, arbitrary: wrongType },
  );
};
