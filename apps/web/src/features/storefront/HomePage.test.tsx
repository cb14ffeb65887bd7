import { fireEvent, screen, within } from '@testing-library/react';
import { makeStore } from '../../app/store';
import { aCatalogItem, IDS } from '../../test/fixtures';
import { renderApp } from '../../test/test-utils';
import { catalogViewed, initialStorefrontState } from './storefrontSlice';

function openShop(route = '/') {
  const store = makeStore(
    {
      storefront: {
        ...initialStorefrontState,
        list: { ...initialStorefrontState.list, load: 'loaded', items: [aCatalogItem(), aCatalogItem({ id: IDS.otherItem, name: 'Kenya AA', stockStatus: 'SOLD_OUT' })], total: 30 },
        popular: { window: 'week', load: 'loaded', items: [{ ...aCatalogItem(), rank: 1, score: 12 }] },
      },
    },
    { runSagas: false },
  );
  const dispatch = jest.spyOn(store, 'dispatch');
  const view = renderApp(route, { store });
  const viewed = () =>
    dispatch.mock.calls.map(([a]) => a as { type: string; payload?: unknown }).filter((a) => a.type === catalogViewed.type).map((a) => a.payload);
  return { ...view, viewed };
}

describe('storefront HomePage', () => {
  it('lists items with price and stock, the popular strip and paging', () => {
    openShop();
    const cards = screen.getAllByTestId('catalog-item');
    expect(cards.map((c) => within(c).getByTestId('catalog-item-link').getAttribute('href'))).toEqual([`/items/${IDS.item}`, `/items/${IDS.otherItem}`]);
    expect(within(cards[0]).getByTestId('catalog-item-price').textContent).toBe('from ₩18,000');
    expect(within(cards[1]).getByText('Sold out')).toBeTruthy();
    expect(screen.getAllByTestId('popular-item')).toHaveLength(1);
    expect(screen.getByText('1 / 3')).toBeTruthy();
  });

  it('puts the search and the filters into the URL, and asks the catalog for them', () => {
    const { location, viewed } = openShop();
    expect(viewed()).toEqual([{ filters: { sort: 'new', page: 1 }, size: 12 }]);

    fireEvent.change(screen.getByTestId('catalog-search'), { target: { value: ' 예가체프 ' } });
    fireEvent.change(screen.getByTestId('filter-min-price'), { target: { value: '10,000' } });
    fireEvent.click(screen.getByTestId('catalog-search-submit'));
    fireEvent.change(screen.getByTestId('filter-roast'), { target: { value: 'LIGHT' } });
    fireEvent.change(screen.getByTestId('filter-sort'), { target: { value: 'price_asc' } });

    expect(location()?.search).toBe('?q=%EC%98%88%EA%B0%80%EC%B2%B4%ED%94%84&roast=LIGHT&minPrice=10000&sort=price_asc');
    expect(viewed().at(-1)).toEqual({
      filters: { q: '예가체프', roast: 'LIGHT', origin: undefined, minPrice: 10000, maxPrice: undefined, sort: 'price_asc', page: 1 },
      size: 12,
    });
  });

  it('pages through results keeping the filters, and starts from the URL', () => {
    const { location } = openShop('/?q=kenya&page=2');
    expect(screen.getByTestId('catalog-search')).toHaveProperty('value', 'kenya');
    fireEvent.click(screen.getByTestId('catalog-next'));
    expect(location()?.search).toBe('?q=kenya&page=3');
  });
});
