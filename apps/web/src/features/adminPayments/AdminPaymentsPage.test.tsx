import { fireEvent, screen, within } from '@testing-library/react';
import { makeStore, type RootState } from '../../app/store';
import { anAccount, renderApp, signedIn } from '../../test/test-utils';
import { aPayment, aPaymentDetail, aRefund, aReport, ORDER_ID, REFUND_ID } from './adminPaymentsFixtures';
import { type AdminPaymentsState, initialAdminPaymentsState, paymentsSearched, paymentViewed, reconciliationRequested, refundDialogClosed, refundSubmitted } from './adminPaymentsSlice';

const admin = anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] });

function open(route: string, adminPayments: Partial<AdminPaymentsState> = {}) {
  const preloaded: Partial<RootState> = { ...signedIn(admin), adminPayments: { ...initialAdminPaymentsState, ...adminPayments } };
  const store = makeStore(preloaded, { runSagas: false });
  const dispatch = jest.spyOn(store, 'dispatch');
  const view = renderApp(route, { store });
  const dispatched = () => dispatch.mock.calls.map(([a]) => a as { type: string; payload?: unknown });
  return { store, view, dispatched };
}

const loadedDetail = (payment = aPaymentDetail()) => ({ detail: { orderId: payment.orderId, load: 'loaded' as const, problem: null, payment } });

describe('backoffice payments', () => {
  it('is a backoffice tab that searches from the URL and lists payments with their status and balance', () => {
    const refunded = aPayment({ orderId: '0190a0b0-0000-7000-8000-0000000000a2', status: 'PARTIALLY_REFUNDED', refundedWon: 5_000, balanceWon: 25_000 });
    const { dispatched } = open(`/backoffice/payments?subscriber=${aPayment().userId}&status=PAID`, {
      list: { ...initialAdminPaymentsState.list, load: 'loaded', items: [aPayment(), refunded], total: 2 },
    });
    expect(within(screen.getByTestId('backoffice-nav')).getByRole('link', { name: 'Payments' }).getAttribute('href')).toBe('/backoffice/payments');
    expect(dispatched().find((a) => a.type === paymentsSearched.type)?.payload).toMatchObject({ subscriber: aPayment().userId, status: 'PAID', page: 1, size: 20 });
    const rows = screen.getAllByTestId('payment-row');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['PAID', 'PARTIALLY_REFUNDED']);
    expect(within(rows[1]).getByText('부분 환불')).toBeTruthy();
    expect(within(rows[0]).getByRole('link').getAttribute('href')).toBe(`/backoffice/payments/${ORDER_ID}`);
    expect((screen.getByLabelText('구독자 ID') as HTMLInputElement).value).toBe(aPayment().userId);
  });

  it('searches again with the form, from the first page', () => {
    const { view, dispatched } = open('/backoffice/payments?page=3', { list: { ...initialAdminPaymentsState.list, load: 'loaded' } });
    fireEvent.change(screen.getByLabelText('파트너 ID'), { target: { value: '0190a0b0-0000-7000-8000-0000000000d1' } });
    fireEvent.change(screen.getByLabelText('결제일부터'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByLabelText('상태'), { target: { value: 'REFUNDED' } });
    fireEvent.click(screen.getByTestId('payments-search-submit'));
    expect(view.location()?.search).toBe('?partnerId=0190a0b0-0000-7000-8000-0000000000d1&status=REFUNDED&from=2026-12-01');
    expect(dispatched().filter((a) => a.type === paymentsSearched.type).at(-1)?.payload).toMatchObject({ partnerId: '0190a0b0-0000-7000-8000-0000000000d1', status: 'REFUNDED', from: '2026-12-01', page: 1 });
  });

  it('shows a payment with its ledger rows and refunds', () => {
    const payment = aPaymentDetail({
      status: 'PARTIALLY_REFUNDED',
      refundedWon: 12_000,
      balanceWon: 18_000,
      refunds: [aRefund({ status: 'COMPLETED', completedAt: '2026-12-02T00:00:03.000Z' }), aRefund({ refundId: '0190a0b0-0000-7000-8000-0000000000b2', status: 'REFUSED', refusal: { code: 'PROVIDER_REFUSED', message: 'Toss refused the cancel' } })],
      ledger: [
        { kind: 'CHARGE', refundId: null, amountWon: 30_000, balanceWon: 30_000, at: '2026-12-01T03:00:00.000Z' },
        { kind: 'REFUND', refundId: REFUND_ID, amountWon: -12_000, balanceWon: 18_000, at: '2026-12-02T00:00:03.000Z' },
      ],
    });
    const { dispatched } = open(`/backoffice/payments/${ORDER_ID}`, loadedDetail(payment));
    expect(dispatched().some((a) => a.type === paymentViewed.type && a.payload === ORDER_ID)).toBe(true);
    expect(screen.getByTestId('payment-status').textContent).toBe('부분 환불');
    expect(screen.getByTestId('payment-balance').textContent).toContain('18,000');
    expect(screen.getAllByTestId('ledger-row').map((r) => r.getAttribute('data-kind'))).toEqual(['CHARGE', 'REFUND']);
    const refunds = screen.getAllByTestId('refund-row');
    expect(refunds.map((r) => r.getAttribute('data-status'))).toEqual(['COMPLETED', 'REFUSED']);
    expect(within(refunds[1]).getByText('Toss refused the cancel')).toBeTruthy();
  });

  it('refund dialog: the amount defaults to what is refundable, a reason is required, and it sends once with a key', () => {
    const { dispatched } = open(`/backoffice/payments/${ORDER_ID}`, loadedDetail(aPaymentDetail({ pendingWon: 5_000 })));
    fireEvent.click(screen.getByTestId('refund-open'));
    const dialog = screen.getByTestId('refund-dialog');
    const amount = within(dialog).getByLabelText('환불 금액(원)') as HTMLInputElement;
    expect(amount.value).toBe('25000');

    fireEvent.click(within(dialog).getByTestId('refund-submit'));
    expect(within(dialog).getByText('환불 사유를 입력하세요.')).toBeTruthy();
    fireEvent.change(amount, { target: { value: '26000' } });
    fireEvent.change(within(dialog).getByLabelText('환불 사유'), { target: { value: '  원두 파손  ' } });
    fireEvent.click(within(dialog).getByTestId('refund-submit'));
    expect(within(dialog).getByText(/환불 가능 금액\(.*25,000\)을 넘을 수 없습니다/)).toBeTruthy();
    expect(dispatched().some((a) => a.type === refundSubmitted.type)).toBe(false);

    fireEvent.change(amount, { target: { value: '20000' } });
    fireEvent.click(within(dialog).getByTestId('refund-submit'));
    expect(dispatched().find((a) => a.type === refundSubmitted.type)?.payload).toEqual({ orderId: ORDER_ID, amount: 20_000, reason: '원두 파손', idempotencyKey: expect.stringMatching(/.+/) });
  });

  it('refund dialog shows REQUESTED while it waits, then the refusal with its reason', () => {
    const following = { phase: 'following' as const, orderId: ORDER_ID, refundId: REFUND_ID, refund: aRefund(), problem: null, retryKey: null };
    const first = open(`/backoffice/payments/${ORDER_ID}`, { ...loadedDetail(), refund: following });
    fireEvent.click(screen.getByTestId('refund-open'));
    expect(screen.getByTestId('refund-status').textContent).toBe('요청됨');
    first.view.unmount();

    const refused = aRefund({ status: 'REFUSED', refusal: { code: 'ABOVE_BALANCE', message: '환불 가능 잔액을 넘습니다' } });
    const second = open(`/backoffice/payments/${ORDER_ID}`, { ...loadedDetail(), refund: { ...following, phase: 'finished', refund: refused } });
    fireEvent.click(screen.getByTestId('refund-open'));
    expect(screen.getByTestId('refund-status').textContent).toBe('거절됨');
    expect(screen.getByTestId('refund-refusal').textContent).toContain('환불 가능 잔액을 넘습니다');
    fireEvent.click(screen.getByRole('button', { name: '닫기' }));
    expect(second.dispatched().some((a) => a.type === refundDialogClosed.type)).toBe(true);
  });

  it('reconciliation page asks for the date in the URL and lists totals and every mismatch', () => {
    const { dispatched } = open('/backoffice/payments/reconciliation?date=2026-12-01', { reconciliation: { date: '2026-12-01', load: 'loaded', problem: null, report: aReport() } });
    expect(dispatched().find((a) => a.type === reconciliationRequested.type)?.payload).toBe('2026-12-01');
    const totals = screen.getByTestId('reconciliation-totals');
    expect(within(totals).getByText('₩40,000')).toBeTruthy();
    expect(within(totals).getByText('₩39,000')).toBeTruthy();
    expect(screen.getByTestId('reconciliation-mismatch-count').textContent).toBe('1');
    const [row] = screen.getAllByTestId('mismatch-row');
    expect(row.getAttribute('data-kind')).toBe('AMOUNT_MISMATCH');
    expect(within(row).getByText('금액 불일치')).toBeTruthy();
    expect(within(row).getByText(/tx_0001/)).toBeTruthy();

    const clean = open('/backoffice/payments/reconciliation?date=2026-12-01', { reconciliation: { date: '2026-12-01', load: 'loaded', problem: null, report: aReport({ mismatches: [], matchedCharges: 2 }) } });
    expect(within(clean.view.container).getByTestId('reconciliation-clean').textContent).toContain('2건');
  });
});
