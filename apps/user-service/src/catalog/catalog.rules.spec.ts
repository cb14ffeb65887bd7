import {
  bestStockStatus,
  buildSearchText,
  canonicalListQuery,
  containsPattern,
  countedFacet,
  facetDeltas,
  isIndexableTerm,
  isNewerItemVersion,
  isNewerStockVersion,
  isoWeekOf,
  normaliseSearchText,
  searchTerms,
  stockStatusOf,
} from './catalog.rules';

describe('catalog rules', () => {
  it('keeps the highest version: older and equal versions are no-ops', () => {
    expect(isNewerItemVersion(null, 1)).toBe(true);
    expect(isNewerItemVersion(1, 2)).toBe(true);
    expect(isNewerItemVersion(2, 2)).toBe(false);
    expect(isNewerItemVersion(3, 2)).toBe(false);
    expect(isNewerStockVersion(null, 1)).toBe(true);
    expect(isNewerStockVersion(5, 4)).toBe(false);
  });

  it('derives stock statuses with a threshold, unknown stock as sold out, the item as its best option', () => {
    expect(stockStatusOf(0, 5)).toBe('SOLD_OUT');
    expect(stockStatusOf(null, 5)).toBe('SOLD_OUT');
    expect(stockStatusOf(1, 5)).toBe('LOW');
    expect(stockStatusOf(5, 5)).toBe('LOW');
    expect(stockStatusOf(6, 5)).toBe('IN_STOCK');
    expect(stockStatusOf(3, 0)).toBe('IN_STOCK');
    expect(bestStockStatus([])).toBe('SOLD_OUT');
    expect(bestStockStatus(['SOLD_OUT', 'LOW'])).toBe('LOW');
    expect(bestStockStatus(['LOW', 'IN_STOCK', 'SOLD_OUT'])).toBe('IN_STOCK');
  });

  it('normalises Hangul typed as separate jamo and full-width Latin to one form', () => {
    const decomposed = '예가체프'.normalize('NFD');
    expect(decomposed).not.toBe('예가체프');
    expect(normaliseSearchText(decomposed)).toBe('예가체프');
    expect(normaliseSearchText('  ＥＴＨＩＯＰＩＡ \t Konga ')).toBe('ethiopia konga');
  });

  it('builds one lower-case search text from the searchable fields', () => {
    const text = buildSearchText({
      name: '에티오피아 예가체프 Konga',
      origin: { country: 'Ethiopia', region: 'Yirgacheffe' },
      producer: 'Konga Washing Station',
      variety: 'Heirloom',
      process: 'Washed',
      tastingNotes: ['꽃향', 'Peach'],
      partnerName: 'Bean Brothers',
    });
    expect(text).toBe('에티오피아 예가체프 konga ethiopia yirgacheffe konga washing station heirloom washed 꽃향 peach bean brothers');
  });

  it('splits a query into distinct words, drops words inside longer ones, and caps their number', () => {
    expect(searchTerms(undefined)).toEqual([]);
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms('예가 예가체프  Washed washed')).toEqual(['예가체프', 'washed']);
    expect(searchTerms('a b c d e f g h')).toHaveLength(6);
  });

  it('knows which words a trigram index can narrow', () => {
    expect(isIndexableTerm('꽃향')).toBe(false);
    expect(isIndexableTerm('예가체')).toBe(true);
    expect(isIndexableTerm('ab')).toBe(false);
    expect(isIndexableTerm('abc')).toBe(true);
  });

  it('escapes LIKE wildcards so they match literally', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });

  it('gives equal list queries one cache key, whatever the spelling of the words', () => {
    const base = { sort: 'new' as const, page: 1, size: 20 };
    expect(canonicalListQuery({ ...base, q: ' 예가체프   WASHED ' }, null)).toBe(canonicalListQuery({ ...base, q: 'washed 예가체프' }, null));
    expect(canonicalListQuery({ ...base, origin: 'Ethiopia' }, null)).toBe(canonicalListQuery({ ...base, origin: 'ethiopia' }, null));
    expect(canonicalListQuery({ ...base, page: 2 }, null)).not.toBe(canonicalListQuery(base, null));
    expect(canonicalListQuery({ ...base, sort: 'popular' }, '2026-W47')).not.toBe(canonicalListQuery({ ...base, sort: 'popular' }, '2026-W48'));
  });

  it('names ISO weeks, including the ones that straddle a new year', () => {
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48'); // a Monday
    expect(isoWeekOf('2026-11-22')).toBe('2026-W47'); // the Sunday before
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOf('2024-12-31')).toBe('2025-W01');
  });

  it('keeps facet counts: publish, roast change, withdrawal and a no-op', () => {
    expect(facetDeltas(null, { onSale: true, roast: 'LIGHT' })).toEqual([['all', 1], ['roast:LIGHT', 1]]);
    expect(facetDeltas({ onSale: true, roast: 'LIGHT' }, { onSale: true, roast: 'DARK' })).toEqual([['roast:DARK', 1], ['roast:LIGHT', -1]]);
    expect(facetDeltas({ onSale: true, roast: null }, { onSale: false, roast: null })).toEqual([['all', -1], ['roast:none', -1]]);
    expect(facetDeltas({ onSale: false, roast: 'DARK' }, { onSale: true, roast: 'DARK' })).toEqual([['all', 1], ['roast:DARK', 1]]);
    expect(facetDeltas({ onSale: true, roast: 'DARK' }, { onSale: true, roast: 'DARK' })).toEqual([]);
    expect(facetDeltas(null, { onSale: false, roast: null })).toEqual([]);
  });

  it('reads a kept count only when roast is the only filter', () => {
    expect(countedFacet({})).toBe('all');
    expect(countedFacet({ roast: 'LIGHT', q: '  ' })).toBe('roast:LIGHT');
    expect(countedFacet({ roast: 'LIGHT', q: 'konga' })).toBeNull();
    expect(countedFacet({ origin: 'Kenya' })).toBeNull();
    expect(countedFacet({ minPrice: 0 })).toBeNull();
    expect(countedFacet({ maxPrice: 10 })).toBeNull();
  });
});
