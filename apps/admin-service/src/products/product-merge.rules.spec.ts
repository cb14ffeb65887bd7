import type { ProductOption } from '@roastery/contracts';
import { foldedVersion, foldOptions } from './product-merge.rules';

const opt = (id: string, weightGrams: number, grind: ProductOption['grind'], priceWon: number): ProductOption => ({ id, weightGrams, grind, priceWon });

describe('foldOptions', () => {
  it("keeps the target's option ids where weight and grind match, with the source's prices", () => {
    const target = [opt('t1', 200, 'WHOLE_BEAN', 18_000), opt('t2', 500, 'FILTER', 39_000), opt('t3', 1000, 'ESPRESSO', 70_000)];
    const source = [opt('s1', 200, 'WHOLE_BEAN', 17_500), opt('s2', 500, 'FILTER', 38_000), opt('s3', 200, 'ESPRESSO', 18_500)];
    expect(foldOptions(target, source)).toEqual([opt('t1', 200, 'WHOLE_BEAN', 17_500), opt('t2', 500, 'FILTER', 38_000), opt('s3', 200, 'ESPRESSO', 18_500)]);
  });

  it('maps one target option onto one source option only', () => {
    const folded = foldOptions([opt('t1', 200, 'WHOLE_BEAN', 1)], [opt('s1', 200, 'WHOLE_BEAN', 2), opt('s2', 200, 'WHOLE_BEAN', 3)]);
    expect(folded.map((o) => o.id)).toEqual(['t1', 's2']);
  });
});

describe('foldedVersion', () => {
  it('orders after every version seen of the target', () => {
    expect(foldedVersion(1, 1)).toBe(2);
    expect(foldedVersion(3, 2)).toBe(4);
    expect(foldedVersion(2, 5)).toBe(6);
  });
});
