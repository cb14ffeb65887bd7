/**
 * @jest-environment node
 */
import { storefrontApi } from './storefrontApi';

describe('storefrontApi', () => {
  const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => new Response(JSON.stringify({ items: [], page: 1, size: 12, total: 0 }), { status: 200 }));
    global.fetch = fetchMock as unknown as typeof fetch;
  });

  it('builds the query string of GET /api/catalog/items from the filters, leaving empty ones out', async () => {
    await storefrontApi.list({ q: '예가체프', roast: 'LIGHT', minPrice: 10000, sort: 'price_asc', page: 2 }, 12);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/catalog/items?q=%EC%98%88%EA%B0%80%EC%B2%B4%ED%94%84&roast=LIGHT&minPrice=10000&sort=price_asc&page=2&size=12');
    // Public: no token is sent.
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('asks for the popular ranking of a window, and an item by id', async () => {
    await storefrontApi.popular('day', 6);
    await storefrontApi.item('a/b');
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual(['/api/catalog/popular?window=day&size=6', '/api/catalog/items/a%2Fb']);
  });
});
