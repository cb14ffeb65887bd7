import { screen, within } from '@testing-library/react';
import { aCatalogItemDetail, IDS } from '../../test/fixtures';
import { renderApp } from '../../test/test-utils';
import { initialStorefrontState } from './storefrontSlice';

function openItem(item = aCatalogItemDetail()) {
  return renderApp(`/items/${item.id}`, {
    preloadedState: { storefront: { ...initialStorefrontState, detail: { id: item.id, load: 'loaded', problem: null, item } } },
  });
}

describe('ItemPage', () => {
  it('shows the options with weight, grind, price and stock status, and the roaster', () => {
    openItem();
    expect(screen.getByTestId('item-name').textContent).toBe('에티오피아 예가체프 코체레');
    expect(screen.getByTestId('item-roaster').textContent).toBe('Roasted by Bean There Roasters');
    const options = screen.getAllByTestId('item-option');
    expect(options.map((o) => [...o.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['200 g', 'Whole bean', '₩18,000', 'In stock'],
      ['1 kg', 'Filter grind', '₩72,000', 'Low stock'],
    ]);
    expect(within(options[1]).getByTestId('item-option-stock').getAttribute('data-stock')).toBe('LOW');
  });

  it('links the same lot from other roasters', () => {
    openItem(aCatalogItemDetail({ alsoRoastedBy: [{ id: IDS.otherItem, name: 'Kochere K-14', partner: { id: 'p-2', name: 'Second Roastery' } }] }));
    const link = within(screen.getByTestId('also-roasted-by')).getByRole('link');
    expect(link.getAttribute('href')).toBe(`/items/${IDS.otherItem}`);
    expect(link.textContent).toBe('Second Roastery — Kochere K-14');
  });

  it('renders the partner’s description as text, never as HTML', () => {
    openItem(aCatalogItemDetail({ description: '<img src=x onerror=alert(1)>Bright\nand floral' }));
    expect(screen.getByTestId('item-description').textContent).toBe('<img src=x onerror=alert(1)>Bright\nand floral');
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
