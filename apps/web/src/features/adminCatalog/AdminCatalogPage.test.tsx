import { screen, within } from '@testing-library/react';
import { aCatalogMasterEntry, IDS } from '../../test/fixtures';
import { anAccount, renderApp, signedIn } from '../../test/test-utils';
import { initialAdminCatalogState } from './adminCatalogSlice';

describe('AdminCatalogPage', () => {
  it('shows each catalog item with its merge history', () => {
    const merged = aCatalogMasterEntry({
      itemVersion: 3,
      productVersion: 2,
      mergeHistory: [{ sourceProductId: IDS.otherProduct, mergedAt: '2025-11-22T09:00:00.000Z', by: 'admin@roastery.test' }],
    });
    const offSale = aCatalogMasterEntry({ catalogItemId: IDS.otherItem, onSale: false, partner: { id: IDS.partner, name: 'Sketchy', status: 'SUSPENDED' } });
    renderApp('/backoffice/catalog', {
      preloadedState: {
        ...signedIn(anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] })),
        adminCatalog: { ...initialAdminCatalogState, load: 'loaded', items: [merged, offSale], total: 2 },
      },
    });
    const rows = screen.getAllByTestId('catalog-master-row');
    expect(within(rows[0]).getByTestId('merge-history').textContent).toContain(IDS.otherProduct);
    expect(within(rows[0]).getByText('item v3 · product v2')).toBeTruthy();
    expect(within(rows[1]).getByTestId('catalog-master-on-sale').getAttribute('data-on-sale')).toBe('false');
    expect(within(rows[1]).getByText('Suspended')).toBeTruthy();
  });
});
