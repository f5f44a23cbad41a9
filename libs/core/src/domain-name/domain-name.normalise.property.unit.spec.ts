import { InvalidInputError } from '../errors/domain-error';
import fc from 'fast-check';
import { normaliseDomain, normaliseUrl, tryNormaliseDomain } from './domain-name.normalise';

/** Suffixes from both PSL sections, wildcard and exception rules included. */
const suffixes = ['com', 'de', 'co.uk', 'xn--p1ai', 'рф', 'workers.dev', 'github.io', 'ck', 'b.ck', 'io'];

const asTyped = (name: string, upper: readonly boolean[], trailingDot: boolean, padding: string): string => {
  const cased = Array.from(name)
    .map((char, i) => (upper[i % upper.length] === true ? char.toUpperCase() : char))
    .join('');
  return `${padding}${cased}${trailingDot ? '.' : ''}${padding}`;
};

/** Names a person might type: mixed scripts and case, optional trailing dot and padding. */
const typedDomain = fc
  .tuple(
    fc.array(fc.stringMatching(/^[a-z0-9äöüßéпрアー_]([a-z0-9äöüéпр_-]{0,12}[a-z0-9äöüéпр])?$/), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.constantFrom(...suffixes),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    fc.boolean(),
    fc.constantFrom('', ' ', '\t'),
  )
  .map(([labels, suffix, upper, dot, padding]) =>
    asTyped(`${labels.join('.')}.${suffix}`, upper, dot, padding),
  );

describe('normaliseDomain properties', () => {
  it('is idempotent, and the Unicode form normalises back to the same name', () => {
    let accepted = 0;
    fc.assert(
      fc.property(typedDomain, (input) => {
        const first = tryNormaliseDomain(input);
        if (!first.ok) return;
        accepted += 1;
        expect(normaliseDomain(first.domain.name)).toEqual(first.domain);
        expect(normaliseDomain(first.domain.unicode)).toEqual(first.domain);
      }),
      { numRuns: 300 },
    );
    // Guards the generator: a property that only ever sees refusals proves nothing.
    expect(accepted).toBeGreaterThan(150);
  });

  it('refuses anything it cannot normalise with InvalidInputError only', () => {
    const anything = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.domain(), typedDomain);
    fc.assert(
      fc.property(anything, (input) => {
        try {
          normaliseDomain(input);
        } catch (error: unknown) {
          expect(error).toBeInstanceOf(InvalidInputError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('normaliseUrl properties', () => {
  it('is idempotent, or refuses with InvalidInputError only', () => {
    const urls = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string({ maxLength: 60 }),
    );
    fc.assert(
      fc.property(urls, (input) => {
        let first: string;
        try {
          first = normaliseUrl(input);
        } catch (error: unknown) {
          expect(error).toBeInstanceOf(InvalidInputError);
          return;
        }
        expect(normaliseUrl(first)).toBe(first);
      }),
      { numRuns: 300 },
    );
  });
});
