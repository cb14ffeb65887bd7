import type { ProductVersionContent } from '@roastery/contracts';
import { exampleVersionContent } from '@roastery/contracts/testing';
import { isSmallEdit, productFindings, versionDiff } from './product-findings.rules';

const content: ProductVersionContent = exampleVersionContent;
const band = { minPer100gWon: 2000, maxPer100gWon: 60000 };
const findings = (over: Partial<Parameters<typeof productFindings>[0]> = {}) => productFindings({ content, previousApproved: null, priceBand: band, duplicates: [], ...over });
const codes = (over: Partial<Parameters<typeof productFindings>[0]> = {}) => findings(over).map((f) => f.code);

describe('productFindings', () => {
  it('has nothing to say about a complete, sanely priced first submission', () => {
    expect(findings()).toEqual([]);
  });

  it('flags each empty recommended field', () => {
    const bare = { ...content, description: ' ', imageUrls: [], tastingNotes: [], producer: '', variety: '', origin: { country: 'Ethiopia', region: '' } };
    const messages = findings({ content: bare }).map((f) => f.message);
    expect(messages).toEqual(['description', 'imageUrls', 'tastingNotes', 'producer', 'variety', 'origin.region'].map((f) => `recommended field ${f} is empty`));
    expect(codes({ content: bare }).every((c) => c === 'MISSING_FIELD')).toBe(true);
  });

  it('re-checks required fields', () => {
    const f = findings({ content: { ...content, process: '', roastLevel: null } });
    expect(f.map((x) => x.message)).toEqual(['required field process is missing', 'required field roastLevel is missing']);
  });

  it('flags options priced outside the band per 100 g, at the exact borders not', () => {
    const options = [
      { ...content.options[0], weightGrams: 200, priceWon: 3_999 }, // 1,999.5 won / 100 g: below
      { ...content.options[1], weightGrams: 500, priceWon: 10_000 }, // exactly 2,000: fine
      { ...content.options[1], id: '01a1fd60-0000-7000-8000-000000000013', weightGrams: 1000, priceWon: 600_000 }, // exactly 60,000: fine
      { ...content.options[1], id: '01a1fd60-0000-7000-8000-000000000014', weightGrams: 100, priceWon: 60_001 }, // above
    ];
    const f = findings({ content: { ...content, options } });
    expect(f.map((x) => x.code)).toEqual(['PRICE_OUT_OF_BAND', 'PRICE_OUT_OF_BAND']);
    expect(f[0].message).toContain('below');
    expect(f[1].message).toBe('100 g FILTER: 60,001 won per 100 g is above the band 2,000–60,000');
  });

  it('uses the configured band', () => {
    expect(codes({ priceBand: { minPer100gWon: 9_500, maxPer100gWon: 20_000 } })).toEqual(['PRICE_OUT_OF_BAND', 'PRICE_OUT_OF_BAND']);
  });

  it('names each suspected duplicate as a merge target', () => {
    const f = findings({ duplicates: [{ productId: 'p-approved', approved: true }, { productId: 'p-review', approved: false }] });
    expect(f).toEqual([
      { code: 'SUSPECTED_DUPLICATE', message: expect.stringContaining('already on sale'), productId: 'p-approved' },
      { code: 'SUSPECTED_DUPLICATE', message: expect.stringContaining('in review'), productId: 'p-review' },
    ]);
  });

  it('flags a changed price or origin since the last approved version', () => {
    const next = { ...content, origin: { country: 'Ethiopia', region: 'Guji' }, options: [{ ...content.options[0], priceWon: 21_000 }, content.options[1]] };
    const f = findings({ content: next, previousApproved: content });
    expect(f).toEqual([
      { code: 'PRICE_CHANGED', message: '200 g WHOLE_BEAN: 18,000 → 21,000 won' },
      { code: 'ORIGIN_CHANGED', message: 'origin Ethiopia / Yirgacheffe → Ethiopia / Guji' },
    ]);
    expect(codes({ content: { ...content, description: 'new words' }, previousApproved: content })).toEqual([]);
  });
});

describe('versionDiff', () => {
  it('is empty for the same content', () => {
    expect(versionDiff(content, structuredClone(content))).toEqual([]);
  });

  it('lists each changed field, and options by their stable id', () => {
    const [a, b] = content.options;
    const added = { id: '01a1fd60-0000-7000-8000-000000000019', weightGrams: 1000, grind: 'ESPRESSO' as const, priceWon: 70_000 };
    const after = { ...content, name: 'Konga', tastingNotes: ['jasmine'], options: [{ ...a, priceWon: 19_000 }, added] };
    expect(versionDiff(content, after)).toEqual([
      { field: 'name', before: content.name, after: 'Konga' },
      { field: 'tastingNotes', before: content.tastingNotes, after: ['jasmine'] },
      { field: `options.${b.id}`, before: b, after: null },
      { field: `options.${a.id}.priceWon`, before: 18_000, after: 19_000 },
      { field: `options.${added.id}`, before: null, after: added },
    ]);
  });
});

describe('isSmallEdit', () => {
  it('allows description, tasting notes and images only', () => {
    const edit = versionDiff(content, { ...content, description: 'x', tastingNotes: ['plum'], imageUrls: [] });
    expect(isSmallEdit(edit)).toBe(true);
    expect(isSmallEdit([])).toBe(true);
  });

  it('refuses any price, option, origin or name change', () => {
    expect(isSmallEdit(versionDiff(content, { ...content, options: [{ ...content.options[0], priceWon: 1 }, content.options[1]] }))).toBe(false);
    expect(isSmallEdit(versionDiff(content, { ...content, origin: { ...content.origin, region: 'Guji' } }))).toBe(false);
    expect(isSmallEdit(versionDiff(content, { ...content, description: 'x', name: 'y' }))).toBe(false);
  });
});
