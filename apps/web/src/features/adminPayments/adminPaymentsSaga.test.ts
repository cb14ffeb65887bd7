import { expectSaga } from 'redux-saga-test-plan';
import * as matchers from 'redux-saga-test-plan/matchers';
import { dynamic, throwError } from 'redux-saga-test-plan/providers';
import { rootReducer } from '../../app/store';
import { ApiRequestError } from '../../common/apiClient';
import { pause } from '../../common/utils/pause';
import { anAccount, signedIn } from '../../test/test-utils';
import { emptyFilters, adminPaymentsApi } from './adminPaymentsApi';
import type { RefundDto } from '@roastery/contracts';
import { aPayment, aPaymentDetail, aRefund, aReport, ORDER_ID, REFUND_ID } from './adminPaymentsFixtures';
import { adminPaymentsSaga, MAX_REFUND_POLL_FAILURES } from './adminPaymentsSaga';
import {
  paymentLoaded,
  paymentsLoaded,
  paymentsSearched,
  paymentViewed,
  reconciliationFailed,
  reconciliationLoaded,
  reconciliationRequested,
  refundDialogClosed,
  refundPolled,
  refundPollFailed,
  refundRequested,
  refundRequestFailed,
  refundSubmitted,
} from './adminPaymentsSlice';

const admin = anAccount({ roles: ['SUBSCRIBER', 'ADMIN'] });
const initial = () => ({ ...rootReducer(undefined, { type: '@@INIT' }), ...signedIn(admin) });

/** Answers successive calls with the given values in order (the last one repeats). */
function sequence<T>(...answers: (T | Error)[]) {
  let i = 0;
  return dynamic(() => {
    const a = answers[Math.min(i++, answers.length - 1)];
    if (a instanceof Error) throw a;
    return a;
  });
}

describe('adminPaymentsSaga', () => {
  it('searches with the filters and loads a payment', async () => {
    const query = { ...emptyFilters, subscriber: aPayment().userId, page: 1, size: 20 };
    const page = { items: [aPayment()], page: 1, size: 20, total: 1 };
    await expectSaga(adminPaymentsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(adminPaymentsApi.search), page],
        [matchers.call.fn(adminPaymentsApi.detail), aPaymentDetail()],
      ])
      .call(adminPaymentsApi.search, 'access-token', query)
      .put(paymentsLoaded(page))
      .call(adminPaymentsApi.detail, 'access-token', ORDER_ID)
      .put(paymentLoaded(aPaymentDetail()))
      .dispatch(paymentsSearched(query))
      .dispatch(paymentViewed(ORDER_ID))
      .silentRun(50);
  });

  it('asks for a refund with the key, polls it until COMPLETED and reloads the payment', async () => {
    const done = aRefund({ status: 'COMPLETED', completedAt: '2026-12-02T00:00:03.000Z' });
    const { storeState } = await expectSaga(adminPaymentsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(pause), undefined],
        [matchers.call.fn(adminPaymentsApi.requestRefund), { refundId: REFUND_ID, status: 'REQUESTED' }],
        [matchers.call.fn(adminPaymentsApi.refund), sequence<RefundDto>(aRefund(), done)],
        [matchers.call.fn(adminPaymentsApi.detail), aPaymentDetail({ refundedWon: 12_000, balanceWon: 18_000, status: 'PARTIALLY_REFUNDED' })],
      ])
      .call(adminPaymentsApi.requestRefund, 'access-token', ORDER_ID, { amount: 12_000, reason: '배송 지연' }, 'key-1')
      .put(refundRequested({ orderId: ORDER_ID, refundId: REFUND_ID }))
      .put(refundPolled(aRefund()))
      .put(refundPolled(done))
      .put(paymentViewed(ORDER_ID))
      .dispatch(paymentViewed(ORDER_ID))
      .dispatch(refundSubmitted({ orderId: ORDER_ID, amount: 12_000, reason: '배송 지연', idempotencyKey: 'key-1' }))
      .silentRun(50);
    expect(storeState.adminPayments.refund).toMatchObject({ phase: 'finished', refund: { status: 'COMPLETED' } });
    expect(storeState.adminPayments.detail.payment).toMatchObject({ balanceWon: 18_000 });
  });

  it('reports a refused request (above the balance) without polling, and gives up polling after repeated failures', async () => {
    const above = new ApiRequestError(422, 'VALIDATION_FAILED', 'the amount 40000 is above the refundable balance 30000');
    const refused = await expectSaga(adminPaymentsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminPaymentsApi.requestRefund), throwError(above)]])
      .put.like({ action: { type: refundRequestFailed.type, payload: { orderId: ORDER_ID, idempotencyKey: 'key-2', problem: { status: 422 } } } })
      .dispatch(refundSubmitted({ orderId: ORDER_ID, amount: 40_000, reason: 'x', idempotencyKey: 'key-2' }))
      .silentRun(50);
    expect(refused.effects.call?.filter((c) => c.payload.fn === adminPaymentsApi.refund) ?? []).toHaveLength(0);

    const down = new ApiRequestError(502, 'BAD_RESPONSE', 'The service is unavailable right now.');
    const { effects } = await expectSaga(adminPaymentsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(pause), undefined],
        [matchers.call.fn(adminPaymentsApi.refund), throwError(down)],
      ])
      .put.like({ action: { type: refundPollFailed.type, payload: { refundId: REFUND_ID, problem: { status: 502 } } } })
      .dispatch(refundRequested({ orderId: ORDER_ID, refundId: REFUND_ID }))
      .silentRun(50);
    expect(effects.call?.filter((c) => c.payload.fn === adminPaymentsApi.refund)).toHaveLength(MAX_REFUND_POLL_FAILURES);
  });

  it('stops polling when the dialog closes', async () => {
    const reads: number[] = [];
    await expectSaga(adminPaymentsSaga)
      .withReducer(rootReducer, initial())
      .provide([
        [matchers.call.fn(adminPaymentsApi.refund), dynamic(() => (reads.push(Date.now()), aRefund()))],
        [matchers.call.fn(pause), dynamic(() => new Promise((r) => setTimeout(r, 5)))],
      ])
      .dispatch(refundRequested({ orderId: ORDER_ID, refundId: REFUND_ID }))
      .delay(30)
      .dispatch(refundDialogClosed())
      .silentRun(120);
    const afterClose = reads.length;
    expect(afterClose).toBeGreaterThan(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(reads.length).toBe(afterClose);
  });

  it('loads the reconciliation report of a date, or says why not', async () => {
    await expectSaga(adminPaymentsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminPaymentsApi.reconciliation), aReport()]])
      .call(adminPaymentsApi.reconciliation, 'access-token', '2026-12-01')
      .put(reconciliationLoaded(aReport()))
      .dispatch(reconciliationRequested('2026-12-01'))
      .silentRun(50);
    const slow = new ApiRequestError(504, 'PAYMENT_PROVIDER_UNAVAILABLE', "Toss's transactions listing did not finish within 55000 ms");
    await expectSaga(adminPaymentsSaga)
      .withReducer(rootReducer, initial())
      .provide([[matchers.call.fn(adminPaymentsApi.reconciliation), throwError(slow)]])
      .put.like({ action: { type: reconciliationFailed.type, payload: { date: '2026-12-01', problem: { status: 504, code: 'PAYMENT_PROVIDER_UNAVAILABLE' } } } })
      .dispatch(reconciliationRequested('2026-12-01'))
      .silentRun(50);
  });
});
