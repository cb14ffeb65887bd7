import type { Problem } from '../../common/problem';
import { aPaymentDetail, aRefund, aReport, ORDER_ID, REFUND_ID } from './adminPaymentsFixtures';
import {
  adminPaymentsSlice,
  type AdminPaymentsState,
  initialAdminPaymentsState,
  paymentLoaded,
  paymentsLoaded,
  paymentsSearched,
  paymentViewed,
  reconciliationLoaded,
  reconciliationRequested,
  refundDialogClosed,
  refundPolled,
  refundPollFailed,
  refundRequested,
  refundRequestFailed,
  refundSubmitted,
} from './adminPaymentsSlice';
import { emptyFilters } from './adminPaymentsApi';

const reduce = (actions: { type: string }[], from: AdminPaymentsState = initialAdminPaymentsState) => actions.reduce(adminPaymentsSlice.reducer, from);
const sel = (state: AdminPaymentsState) => ({ adminPayments: state });
const problem = (status: number): Problem => ({ status, code: 'BAD_RESPONSE', message: 'failed', fieldErrors: {}, retryAfterSeconds: null });

describe('adminPaymentsSlice', () => {
  it('keeps the searched query and the page of results', () => {
    const query = { ...emptyFilters, status: 'REFUNDED' as const, page: 2, size: 20 };
    const state = reduce([paymentsSearched(query), paymentsLoaded({ items: [aPaymentDetail()], page: 2, size: 20, total: 41 })]);
    expect(state.list).toMatchObject({ query, load: 'loaded', total: 41 });
    expect(adminPaymentsSlice.selectors.selectPaymentPageCount(sel(state))).toBe(3);
  });

  it('offers the balance less unanswered requests as the refundable amount', () => {
    const state = reduce([paymentViewed(ORDER_ID), paymentLoaded(aPaymentDetail({ balanceWon: 30_000, pendingWon: 12_000 }))]);
    expect(adminPaymentsSlice.selectors.selectRefundableWon(sel(state))).toBe(18_000);
    // A late answer for another payment is ignored.
    const other = reduce([paymentLoaded(aPaymentDetail({ orderId: '0190a0b0-0000-7000-8000-0000000000ff' }))], state);
    expect(other.detail.payment?.orderId).toBe(ORDER_ID);
  });

  it('follows a refund from REQUESTED to its answer', () => {
    let state = reduce([paymentViewed(ORDER_ID), refundSubmitted({ orderId: ORDER_ID, amount: 12_000, reason: '배송 지연', idempotencyKey: 'k1' })]);
    expect(state.refund.phase).toBe('submitting');
    state = reduce([refundRequested({ orderId: ORDER_ID, refundId: REFUND_ID }), refundPolled(aRefund())], state);
    expect(state.refund).toMatchObject({ phase: 'following', refund: { status: 'REQUESTED' } });
    state = reduce([refundPolled(aRefund({ status: 'REFUSED', refusal: { code: 'ABOVE_BALANCE', message: 'above' } }))], state);
    expect(state.refund).toMatchObject({ phase: 'finished', refund: { status: 'REFUSED', refusal: { code: 'ABOVE_BALANCE' } } });
  });

  it('keeps the key of a request whose outcome is unknown, not of a refused one', () => {
    const lost = reduce([refundSubmitted({ orderId: ORDER_ID, amount: 1, reason: 'x', idempotencyKey: 'k1' }), refundRequestFailed({ orderId: ORDER_ID, problem: problem(0), idempotencyKey: 'k1' })]);
    expect(lost.refund).toMatchObject({ phase: 'idle', retryKey: 'k1' });
    expect(reduce([refundDialogClosed()], lost).refund.retryKey).toBe('k1');
    const refused = reduce([refundSubmitted({ orderId: ORDER_ID, amount: 1, reason: 'x', idempotencyKey: 'k2' }), refundRequestFailed({ orderId: ORDER_ID, problem: problem(422), idempotencyKey: 'k2' })]);
    expect(refused.refund.retryKey).toBeNull();
    const gaveUp = reduce([refundRequested({ orderId: ORDER_ID, refundId: REFUND_ID }), refundPollFailed({ refundId: REFUND_ID, problem: problem(502) })]);
    expect(gaveUp.refund.phase).toBe('lost');
  });

  it('keeps the report of the date asked for only', () => {
    const state = reduce([reconciliationRequested('2026-12-01'), reconciliationLoaded(aReport())]);
    expect(state.reconciliation).toMatchObject({ date: '2026-12-01', load: 'loaded', report: { matchedCharges: 1 } });
    const moved = reduce([reconciliationRequested('2026-12-02'), reconciliationLoaded(aReport())], state);
    expect(moved.reconciliation).toMatchObject({ date: '2026-12-02', load: 'loading', report: null });
  });
});
