import { filtersFromSearchParams, filtersToSearchParams, hasFilters, toCatalogApiQuery } from './catalogQuery';

describe('catalogQuery', () => {
  it('reads the filters from the page URL and ignores values the API would refuse', () => {
    const params = new URLSearchParams('q=%EC%98%88%EA%B0%80%EC%B2%B4%ED%94%84&roast=LIGHT&origin=Ethiopia&minPrice=10000&maxPrice=abc&sort=cheapest&page=0');
    expect(filtersFromSearchParams(params)).toEqual({
      q: '예가체프',
      roast: 'LIGHT',
      origin: 'Ethiopia',
      minPrice: 10000,
      maxPrice: undefined,
      sort: 'new',
      page: 1,
    });
    expect(filtersFromSearchParams(new URLSearchParams('roast=BURNT&q=%20%20'))).toMatchObject({ q: undefined, roast: undefined });
  });

  it('writes only what differs from the defaults, and round-trips', () => {
    const filters = { q: '게이샤 natural', roast: 'MEDIUM_LIGHT' as const, maxPrice: 30000, sort: 'price_asc' as const, page: 2 };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('q=%EA%B2%8C%EC%9D%B4%EC%83%A4+natural&roast=MEDIUM_LIGHT&maxPrice=30000&sort=price_asc&page=2');
    expect(filtersFromSearchParams(params)).toEqual({ ...filters, origin: undefined, minPrice: undefined });
    expect(filtersToSearchParams({ sort: 'new', page: 1 }).toString()).toBe('');
  });

  it('builds the API query with the page size', () => {
    expect(toCatalogApiQuery({ q: '예가체프', minPrice: 0, sort: 'popular', page: 3 }, 12)).toEqual({
      q: '예가체프',
      roast: undefined,
      origin: undefined,
      minPrice: 0,
      maxPrice: undefined,
      sort: 'popular',
      page: 3,
      size: 12,
    });
    expect(hasFilters({ sort: 'price_desc', page: 4 })).toBe(false);
    expect(hasFilters({ minPrice: 0, sort: 'new', page: 1 })).toBe(true);
  });
});
