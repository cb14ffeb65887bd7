import { fireEvent, screen, within } from '@testing-library/react';
import type { PartnerProductDto } from '@roastery/contracts';
import { makeStore } from '../../app/store';
import { aPartnerProduct, IDS } from '../../test/fixtures';
import { anAccount, renderApp, signedIn } from '../../test/test-utils';
import { initialStudioProductsState, newProductSaveClicked, productSaveClicked, stockUpdateSubmitted, submitForReviewClicked } from './studioProductsSlice';

const partner = anAccount({ roles: ['SUBSCRIBER', 'PARTNER'], partnerIds: [IDS.partner] });

/** Opens the editor for `product` (known from the list) and records what the page dispatches. */
function openEditor(product: PartnerProductDto | null) {
  const store = makeStore(
    {
      ...signedIn(partner),
      studioProducts: { ...initialStudioProductsState, list: { ...initialStudioProductsState.list, load: 'loaded', items: product ? [product] : [], total: 1 } },
    },
    { runSagas: false },
  );
  const dispatch = jest.spyOn(store, 'dispatch');
  const view = renderApp(product ? `/studio/products/${product.id}` : '/studio/products/new', { store });
  const dispatched = () => dispatch.mock.calls.map(([a]) => a as { type: string; payload?: unknown });
  return { ...view, dispatched };
}

const rows = () => screen.getAllByTestId('option-row');

describe('ProductEditorPage', () => {
  it('keeps option ids on save: an edited option keeps its id, a removed one is left out, a new one has none', () => {
    const { dispatched } = openEditor(aPartnerProduct());
    expect(rows().map((r) => r.getAttribute('data-option-id'))).toEqual([IDS.option200, IDS.option1kg]);

    fireEvent.change(screen.getByLabelText('Price of option 1 in won'), { target: { value: '19000' } });
    fireEvent.click(screen.getByLabelText('Remove option 2'));
    fireEvent.click(screen.getByTestId('add-option'));
    fireEvent.change(screen.getByLabelText('Weight of option 2 in grams'), { target: { value: '500' } });
    fireEvent.change(screen.getByLabelText('Grind of option 2'), { target: { value: 'ESPRESSO' } });
    fireEvent.change(screen.getByLabelText('Price of option 2 in won'), { target: { value: '42000' } });
    fireEvent.change(screen.getByLabelText('Starting stock of option 2'), { target: { value: '8' } });
    expect(screen.getByTestId('unsaved-note')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const saved = dispatched().find((a) => a.type === productSaveClicked.type);
    expect(saved?.payload).toMatchObject({
      id: IDS.product,
      submitAfter: false,
      body: {
        options: [
          { id: IDS.option200, weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 19000 },
          { weightGrams: 500, grind: 'ESPRESSO', priceWon: 42000, stock: 8 },
        ],
      },
    });
  });

  it('submits an unchanged draft as it is', () => {
    const { dispatched } = openEditor(aPartnerProduct());
    expect(screen.getByRole('button', { name: 'Save changes' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Submit for review' }));
    expect(dispatched().find((a) => a.type === submitForReviewClicked.type)?.payload).toEqual({ id: IDS.product });
  });

  it('lists the fields review needs instead of submitting an incomplete draft', () => {
    const { dispatched, store } = openEditor(null);
    fireEvent.change(screen.getByLabelText('Name', { exact: false }), { target: { value: 'Mystery lot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save and submit for review' }));
    expect([...screen.getByTestId('submit-missing').querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Origin country', 'Process', 'Roast level']);
    expect(dispatched().some((a) => a.type === newProductSaveClicked.type)).toBe(false);
    expect(store.getState().studioProducts.editor.pending).toBeNull();
  });

  it('saves a new draft with its options and starting stock', () => {
    const { dispatched } = openEditor(null);
    fireEvent.change(screen.getByLabelText('Name', { exact: false }), { target: { value: '케냐 AA' } });
    fireEvent.change(screen.getByLabelText('Price of option 1 in won'), { target: { value: '21,000' } });
    fireEvent.change(screen.getByLabelText('Starting stock of option 1'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    const saved = dispatched().find((a) => a.type === newProductSaveClicked.type)?.payload as { body: unknown; idempotencyKey: string };
    expect(saved.body).toMatchObject({ name: '케냐 AA', options: [{ weightGrams: 200, grind: 'WHOLE_BEAN', priceWon: 21000, stock: 10 }] });
    expect(saved.idempotencyKey).toMatch(/.+/);
  });

  it('shows field errors and does not save an invalid option', () => {
    const { dispatched } = openEditor(aPartnerProduct());
    fireEvent.change(screen.getByLabelText('Price of option 2 in won'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(screen.getByLabelText('Price of option 2 in won').getAttribute('aria-invalid')).toBe('true');
    expect(dispatched().some((a) => a.type === productSaveClicked.type)).toBe(false);
  });

  it('shows the approved version staying on sale while the next is in review, with content locked but stock editable', () => {
    const { dispatched } = openEditor(aPartnerProduct({ status: 'APPROVED', onSaleVersion: 1 }, { version: 2, status: 'IN_REVIEW', submittedAt: '2025-11-22T09:00:00.000Z' }));
    expect(screen.getByTestId('editor-on-sale').textContent).toBe('Version 1 stays on sale while version 2 is in review.');
    expect(screen.getByTestId('editor-in-review')).toBeTruthy();
    expect(screen.getByLabelText('Price of option 1 in won')).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: /Save/ })).toBeNull();
    const stock = within(rows()[1]).getByLabelText('Stock of option 2');
    expect(stock).toHaveProperty('disabled', false);
    fireEvent.change(stock, { target: { value: '0' } });
    fireEvent.click(within(rows()[1]).getByTestId('stock-save'));
    expect(dispatched().find((a) => a.type === stockUpdateSubmitted.type)?.payload).toEqual({ productId: IDS.product, optionId: IDS.option1kg, stock: 0 });
  });

  it("shows the reviewer's reason as text, never as HTML", () => {
    openEditor(aPartnerProduct({ status: 'REJECTED' }, { status: 'REJECTED', rejectionReason: '<img src=x onerror=alert(1)>Blurry photos' }));
    expect(screen.getByTestId('editor-rejection-reason').textContent).toBe('<img src=x onerror=alert(1)>Blurry photos');
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Submit for review' })).toBeTruthy();
  });
});
