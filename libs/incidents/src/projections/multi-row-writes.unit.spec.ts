import { paddedIds, slicesOf, statementSizes } from './multi-row-writes';

describe('statementSizes', () => {
  it('fills statements of the largest size, then splits the rest into powers of two', () => {
    expect(statementSizes(0, 500)).toEqual([]);
    expect(statementSizes(1, 500)).toEqual([1]);
    expect(statementSizes(437, 500)).toEqual([256, 128, 32, 16, 4, 1]);
    expect(statementSizes(1100, 500)).toEqual([500, 500, 64, 32, 4]);
  });

  it('covers every row exactly once', () => {
    for (const count of [3, 499, 500, 501, 7777]) {
      expect(statementSizes(count, 2727).reduce((a, b) => a + b, 0)).toBe(count);
    }
  });

  it('takes few shapes however the counts vary', () => {
    const shapes = new Set(Array.from({ length: 3000 }, (_, n) => statementSizes(n, 2727)).flat());
    expect(shapes.size).toBeLessThanOrEqual(13);
  });
});

describe('paddedIds', () => {
  it('repeats the last id up to a power of two', () => {
    expect(paddedIds([])).toEqual([]);
    expect(paddedIds(['a'])).toEqual(['a']);
    expect(paddedIds(['a', 'b', 'c'])).toEqual(['a', 'b', 'c', 'c']);
    expect(paddedIds(['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('slicesOf', () => {
  it('cuts items at the given sizes', () => {
    expect(slicesOf([1, 2, 3, 4, 5], [4, 1])).toEqual([[1, 2, 3, 4], [5]]);
  });
});
