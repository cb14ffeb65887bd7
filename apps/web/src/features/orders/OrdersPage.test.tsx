import { fireEvent, screen, within } from '@testing-library/react';
import { renderApp, signedIn } from '../../test/test-utils';
import { anOrder, anOrderSummary, aPage } from './orderFixtures';
import { ordersApi } from './ordersApi';

afterEach(() => jest.restoreAllMocks());

describe('My page → 주문 내역', () => {
  it('lists orders with their payment status and opens one with its lines, fees and every payment attempt', async () => {
    jest.spyOn(ordersApi, 'list').mockResolvedValue(
      aPage([anOrderSummary({ id: 'order-2', cycle: 1, billingDate: '2026-12-05', status: 'RETRY_SCHEDULED', paidAt: null }), anOrderSummary()]),
    );
    const declinedThenPaid = anOrder({
      id: 'order-2',
      cycle: 1,
      payments: [
        { attempt: 1, status: 'DECLINED', amountWon: 36_000, failureCode: 'REJECT_CARD_PAYMENT', failureMessage: '한도 초과', createdAt: '2026-12-05T00:00:00.000Z', resolvedAt: '2026-12-05T00:00:01.000Z' },
        { attempt: 2, status: 'APPROVED', amountWon: 36_000, failureCode: null, failureMessage: null, createdAt: '2026-12-05T02:00:00.000Z', resolvedAt: '2026-12-05T02:00:01.000Z' },
      ],
    });
    const get = jest.spyOn(ordersApi, 'get').mockResolvedValue(declinedThenPaid);
    renderApp('/me', { preloadedState: signedIn(), runSagas: true });
    fireEvent.click(screen.getByTestId('link-orders'));
    const rows = await screen.findAllByTestId('order-row');
    expect(rows.map((r) => within(r).getByTestId('order-status').textContent)).toEqual(['결제 재시도 예정', '결제 완료']);
    expect(rows[0].textContent).toContain('2회차');

    fireEvent.click(within(rows[0]).getByTestId('order-link'));
    const detail = await screen.findByTestId('order-detail');
    expect(get).toHaveBeenCalledWith('access-token', 'order-2');
    expect(screen.getAllByTestId('order-line')[0].textContent).toContain('₩18,000 × 2');
    expect(screen.getByTestId('order-shipping').textContent).toBe('무료');
    expect(screen.getByTestId('order-paid').textContent).toBe('₩36,000');
    expect(screen.getAllByTestId('payment-attempt').map((a) => a.getAttribute('data-status'))).toEqual(['DECLINED', 'APPROVED']);
    expect(screen.getAllByTestId('payment-attempt')[0].textContent).toContain('REJECT_CARD_PAYMENT — 한도 초과');
    expect(within(detail).getByTestId('order-subscription-link').getAttribute('href')).toMatch(/^\/me\/subscriptions\//);
  });

  it('shows what happened after payment instead of "paid": a cancelled and refunded order, a shipped one', async () => {
    jest.spyOn(ordersApi, 'list').mockResolvedValue(
      aPage([anOrderSummary({ id: 'order-3', afterSaleState: 'CANCELLED' }), anOrderSummary({ id: 'order-2', afterSaleState: 'SHIPPED' }), anOrderSummary({ afterSaleState: 'PAID' })]),
    );
    renderApp('/me/orders', { preloadedState: signedIn(), runSagas: true });
    const rows = await screen.findAllByTestId('order-row');
    expect(rows.map((r) => within(r).getByTestId('order-status').textContent)).toEqual(['주문 취소 · 환불', '배송 중', '결제 완료']);
  });

  it('says when there are no orders yet', async () => {
    jest.spyOn(ordersApi, 'list').mockResolvedValue(aPage([]));
    renderApp('/me/orders', { preloadedState: signedIn(), runSagas: true });
    expect((await screen.findByTestId('no-orders')).textContent).toContain('정기배송');
  });
});
