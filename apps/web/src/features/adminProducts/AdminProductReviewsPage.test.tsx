import { fireEvent, screen, within } from '@testing-library/react';
import type { ProductReviewDto } from '@roastery/contracts';
import { makeStore } from '../../app/store';
import { aProductReview, IDS } from '../../test/fixtures';
import { anAccount, renderApp, signedIn } from '../../test/test-utils';
import { initialAdminProductsState, productApproveClicked, productRejectConfirmed } from './adminProductsSlice';

const admin = anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] });

function openQueue(items: ProductReviewDto[]) {
  const store = makeStore(
    { ...signedIn(admin), adminProducts: { ...initialAdminProductsState, load: 'loaded', items, total: items.length } },
    { runSagas: false },
  );
  const dispatch = jest.spyOn(store, 'dispatch');
  const view = renderApp('/backoffice/products', { store });
  // The page asks for the queue on mount; with the sagas off the preloaded items stay.
  const dispatched = () => dispatch.mock.calls.map(([a]) => a as { type: string; payload?: unknown });
  return { ...view, dispatched };
}

const duplicate = aProductReview({
  version: 2,
  findings: [
    { code: 'SUSPECTED_DUPLICATE', message: 'Same coffee as “Kochere” by this roaster', productId: IDS.otherProduct },
    { code: 'PRICE_CHANGED', message: '200 g went from ₩18,000 to ₩21,000' },
  ],
  diff: [
    { field: `options.${IDS.option200}.priceWon`, before: 18000, after: 21000 },
    { field: 'origin', before: { country: 'Ethiopia', region: 'Sidamo' }, after: { country: 'Ethiopia', region: 'Yirgacheffe' } },
  ],
});

describe('AdminProductReviewsPage', () => {
  it('shows the findings and the version diff', () => {
    openQueue([duplicate]);
    const card = screen.getByTestId('product-review-card');
    expect([...within(card).getByTestId('findings').querySelectorAll('li')].map((li) => li.getAttribute('data-code'))).toEqual([
      'SUSPECTED_DUPLICATE',
      'PRICE_CHANGED',
    ]);
    const diff = within(card).getAllByTestId('diff-row');
    expect(diff.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent))).toEqual([
      ['200 g Whole bean: price', '₩18,000', '₩21,000'],
      ['origin', 'country: Ethiopia, region: Sidamo', 'country: Ethiopia, region: Yirgacheffe'],
    ]);
    // The navigation of the backoffice has the new sections beside applications.
    expect(within(screen.getByTestId('backoffice-nav')).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '/backoffice/applications',
      '/backoffice/products',
      '/backoffice/partners',
      '/backoffice/catalog',
      '/backoffice/billing',
      '/backoffice/payments',
    ]);
  });

  it('approves as a merge into the suspected duplicate after confirming', async () => {
    const { dispatched } = openQueue([duplicate]);
    fireEvent.click(screen.getByTestId('product-merge'));
    expect(await screen.findByText(/becomes the new version of product/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Approve as merge' }));
    expect(dispatched().find((a) => a.type === productApproveClicked.type)?.payload).toEqual({ id: IDS.review, body: { mergeInto: IDS.otherProduct } });
  });

  it('approves a clean submission in one click, without a merge button', () => {
    const { dispatched } = openQueue([aProductReview()]);
    expect(screen.queryByTestId('product-merge')).toBeNull();
    expect(screen.getByTestId('no-findings')).toBeTruthy();
    fireEvent.click(screen.getByTestId('product-approve'));
    expect(dispatched().find((a) => a.type === productApproveClicked.type)?.payload).toEqual({ id: IDS.review, body: {} });
  });

  it('requires a reason to reject', async () => {
    const { dispatched, store } = openQueue([aProductReview()]);
    fireEvent.click(screen.getByTestId('product-reject'));
    const reason = await screen.findByLabelText('Reason', { exact: false });
    fireEvent.click(screen.getByRole('button', { name: 'Reject submission' }));
    expect(screen.getByTestId('product-reject-reason-error').textContent).toBe('Required');
    expect(dispatched().some((a) => a.type === productRejectConfirmed.type)).toBe(false);

    fireEvent.change(reason, { target: { value: 'The photos show another coffee' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reject submission' }));
    expect(dispatched().find((a) => a.type === productRejectConfirmed.type)?.payload).toEqual({ id: IDS.review, reason: 'The photos show another coffee' });
    expect(store.getState().adminProducts.rejectDialog.submitting).toBe(true);
  });

  it('renders partner text as text', () => {
    openQueue([aProductReview({ content: { ...aProductReview().content, description: '<script>alert(1)</script>Bright' } })]);
    expect(screen.getByText('<script>alert(1)</script>Bright')).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
  });
});
