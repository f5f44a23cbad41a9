import { fixedSizeBatches } from './fixed-size-batches';

describe('fixedSizeBatches', () => {
  it('keeps every row in order, in batches of 256, 16 and 1', () => {
    const rows = Array.from({ length: 531 }, (_, i) => i);
    const batches = fixedSizeBatches(rows);
    expect(batches.flat()).toEqual(rows);
    expect(batches.map((batch) => batch.length)).toEqual([256, 256, 16, 1, 1, 1]);
  });

  it('makes no batch of nothing', () => {
    expect(fixedSizeBatches([])).toEqual([]);
  });
});
