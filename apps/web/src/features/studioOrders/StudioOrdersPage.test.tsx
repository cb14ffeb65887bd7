import { fireEvent, screen, within } from '@testing-library/react';
import { makeStore } from '../../app/store';
import { anAccount, renderApp, signedIn } from '../../test/test-utils';
import { aBulkResult, aPartnerOrder, aQueue, ORDER_1, ORDER_2, ORDER_3, shippedOrder } from './studioOrdersFixtures';
import { bulkShipSubmitted, initialStudioOrdersState, orderActionClicked, refundSubmitted, type StudioOrdersState } from './studioOrdersSlice';

const roaster = anAccount({ roles: ['SUBSCRIBER', 'PARTNER'] });
const returned = aPartnerOrder({ id: 'ret-1', orderId: '0190a0b0-0000-7000-8000-00000000c001', status: 'RETURN_REQUESTED', returnReason: 'beans arrived stale' });

function openOrders(studioOrders: Partial<StudioOrdersState> = {}) {
  const store = makeStore({ ...signedIn(roaster), studioOrders: { ...initialStudioOrdersState, load: 'loaded', queue: aQueue(), shipped: [shippedOrder(ORDER_3)], returns: [returned], ...studioOrders } }, { runSagas: false });
  const dispatch = jest.spyOn(store, 'dispatch');
  const view = renderApp('/studio/orders', { store });
  return { store, view, dispatched: () => dispatch.mock.calls.map(([a]) => a as { type: string; payload?: unknown }) };
}

describe('StudioOrdersPage', () => {
  it('is a studio tab showing the queue by ship-by date with the roast demand per option', () => {
    openOrders();
    expect(within(screen.getByTestId('studio-nav')).getByRole('link', { name: 'Orders' }).getAttribute('href')).toBe('/studio/orders');
    const days = screen.getAllByTestId('queue-day');
    expect(days.map((d) => d.getAttribute('data-ship-by'))).toEqual(['2025-01-07', '2025-01-13']);
    expect(within(days[0]).getAllByTestId('queue-order').map((r) => r.getAttribute('data-status'))).toEqual(['PAID', 'PREPARING']);
    expect(within(within(days[0]).getByTestId('demand-day')).getByTestId('demand-units').textContent).toBe('4');
    expect(within(screen.getByTestId('demand-total')).getByTestId('demand-grams').textContent).toBe('1.2 kg');
  });

  it('ships ticked orders in bulk with a carrier and tracking number each, checking them first', () => {
    const { store, dispatched } = openOrders();
    const day = screen.getAllByTestId('queue-day')[0];
    fireEvent.click(within(day).getByRole('checkbox', { name: 'Select every order to ship by 2025-01-07' }));
    const rows = screen.getAllByTestId('bulk-ship-row');
    expect(rows.map((r) => r.getAttribute('data-order-id'))).toEqual([ORDER_1.id, ORDER_2.id]);

    fireEvent.change(within(rows[0]).getByTestId('bulk-tracking'), { target: { value: '6012-3456-7890' } });
    fireEvent.click(screen.getByTestId('bulk-ship-submit'));
    // The second order has no tracking number yet: nothing is sent.
    expect(dispatched().some((a) => a.type === bulkShipSubmitted.type)).toBe(false);
    expect(within(rows[1]).getByText('8–30 letters or digits.')).toBeTruthy();

    fireEvent.change(within(rows[1]).getByTestId('bulk-carrier'), { target: { value: '한진택배' } });
    fireEvent.change(within(rows[1]).getByTestId('bulk-tracking'), { target: { value: '501234567890' } });
    fireEvent.click(screen.getByTestId('bulk-ship-submit'));
    const sent = dispatched().find((a) => a.type === bulkShipSubmitted.type)?.payload as { items: unknown[]; idempotencyKey: string };
    expect(sent.items).toEqual([
      { orderId: ORDER_1.id, carrier: 'CJ대한통운', trackingNumber: '6012-3456-7890' },
      { orderId: ORDER_2.id, carrier: '한진택배', trackingNumber: '501234567890' },
    ]);
    expect(sent.idempotencyKey).toMatch(/.+/);
    expect(store.getState().studioOrders.bulk.pending).toBe(true);
  });

  it('says which orders of a bulk ship failed and why', () => {
    openOrders({ selected: [ORDER_2.id], bulk: { pending: false, problem: null, result: aBulkResult(), retryKey: null } });
    expect(screen.getByTestId('bulk-ship-result').textContent).toContain('1 shipped, 1 not shipped');
    const failures = within(screen.getByTestId('bulk-ship-failures')).getAllByRole('listitem');
    expect(failures.map((f) => [f.getAttribute('data-order-id'), f.textContent?.includes('a CANCELLED order cannot be shipped')])).toEqual([[ORDER_2.id, true]]);
  });

  it('marks prepared and delivered, and confirms returns', () => {
    const { dispatched } = openOrders();
    fireEvent.click(within(screen.getAllByTestId('queue-order')[0]).getByTestId('order-prepare'));
    fireEvent.click(within(screen.getByTestId('shipped-order')).getByTestId('order-deliver'));
    const ret = screen.getByTestId('return-order');
    expect(ret.textContent).toContain('beans arrived stale');
    fireEvent.click(within(ret).getByTestId('order-returned'));
    expect(dispatched().filter((a) => a.type === orderActionClicked.type).map((a) => a.payload)).toEqual([
      { id: ORDER_1.id, action: 'prepare' },
      { id: ORDER_3.id, action: 'deliver' },
      { id: 'ret-1', action: 'returned' },
    ]);
  });

  it('refunds within the limit shown in the dialog', () => {
    const { dispatched } = openOrders();
    fireEvent.click(within(screen.getAllByTestId('queue-order')[0]).getByTestId('order-refund'));
    const dialog = screen.getByTestId('refund-dialog');
    expect(screen.getByTestId('refund-limit').textContent).toContain('50,000');
    fireEvent.change(screen.getByTestId('refund-amount'), { target: { value: '60000' } });
    fireEvent.change(screen.getByTestId('refund-reason'), { target: { value: 'broken bag' } });
    expect(within(dialog).getByText(/At most/)).toBeTruthy();
    expect(screen.getByTestId('refund-send')).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByTestId('refund-amount'), { target: { value: '12000' } });
    fireEvent.click(screen.getByTestId('refund-send'));
    expect(dispatched().find((a) => a.type === refundSubmitted.type)?.payload).toMatchObject({ orderId: ORDER_1.id, amount: 12_000, reason: 'broken bag' });
  });
});
