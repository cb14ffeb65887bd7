import type { Page, PaymentDetailDto, PaymentSummaryDto, ReconciliationReportDto, RefundDto } from '@roastery/contracts';
import type { SagaIterator } from 'redux-saga';
import { call, put, race, take, takeLatest, takeLeading } from 'redux-saga/effects';
import { toProblem } from '../../common/problem';
import { pause } from '../../common/utils/pause';
import { callWithAuth } from '../auth/callWithAuth';
import { adminPaymentsApi, isFinalRefund } from './adminPaymentsApi';
import {
  paymentLoaded,
  paymentLoadFailed,
  paymentsLoaded,
  paymentsLoadFailed,
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

/** How often a requested refund is read until user-service answers, and how many failed reads end it. */
export const REFUND_POLL_INTERVAL_MS = 1_000;
export const MAX_REFUND_POLLS = 120;
export const MAX_REFUND_POLL_FAILURES = 5;

function* search(action: ReturnType<typeof paymentsSearched>): SagaIterator {
  try {
    const page: Page<PaymentSummaryDto> = yield* callWithAuth(adminPaymentsApi.search, action.payload);
    yield put(paymentsLoaded(page));
  } catch (err) {
    yield put(paymentsLoadFailed(toProblem(err)));
  }
}

function* loadPayment(action: ReturnType<typeof paymentViewed>): SagaIterator {
  const orderId = action.payload;
  try {
    const payment: PaymentDetailDto = yield* callWithAuth(adminPaymentsApi.detail, orderId);
    yield put(paymentLoaded(payment));
  } catch (err) {
    yield put(paymentLoadFailed({ orderId, problem: toProblem(err) }));
  }
}

function* submitRefund(action: ReturnType<typeof refundSubmitted>): SagaIterator {
  const { orderId, amount, reason, idempotencyKey } = action.payload;
  try {
    const answer: { refundId: string } = yield* callWithAuth(adminPaymentsApi.requestRefund, orderId, { amount, reason }, idempotencyKey);
    yield put(refundRequested({ orderId, refundId: answer.refundId }));
  } catch (err) {
    yield put(refundRequestFailed({ orderId, problem: toProblem(err), idempotencyKey }));
  }
}

/** Reads the refund until COMPLETED or REFUSED, then reloads the payment (its balance moved). */
export function* pollRefund(orderId: string, refundId: string): SagaIterator {
  let failures = 0;
  for (let polls = 0; polls < MAX_REFUND_POLLS; polls++) {
    yield call(pause, REFUND_POLL_INTERVAL_MS);
    try {
      const refund: RefundDto = yield* callWithAuth(adminPaymentsApi.refund, refundId);
      failures = 0;
      yield put(refundPolled(refund));
      if (isFinalRefund(refund)) {
        yield put(paymentViewed(orderId));
        return;
      }
    } catch (err) {
      failures += 1;
      if (failures >= MAX_REFUND_POLL_FAILURES) {
        yield put(refundPollFailed({ refundId, problem: toProblem(err) }));
        return;
      }
    }
  }
  yield put(refundPollFailed({ refundId, problem: { status: 0, code: 'UNEXPECTED', message: 'No answer from user-service yet; the refund may still complete.', fieldErrors: {}, retryAfterSeconds: null } }));
}

function* followRefund(action: ReturnType<typeof refundRequested>): SagaIterator {
  yield race({ done: call(pollRefund, action.payload.orderId, action.payload.refundId), closed: take(refundDialogClosed.type) });
}

function* loadReconciliation(action: ReturnType<typeof reconciliationRequested>): SagaIterator {
  const date = action.payload;
  try {
    const report: ReconciliationReportDto = yield* callWithAuth(adminPaymentsApi.reconciliation, date);
    yield put(reconciliationLoaded(report));
  } catch (err) {
    yield put(reconciliationFailed({ date, problem: toProblem(err) }));
  }
}

/** Watchers of the backoffice payments pages. */
export function* adminPaymentsSaga(): SagaIterator {
  yield takeLatest(paymentsSearched.type, search);
  yield takeLatest(paymentViewed.type, loadPayment);
  yield takeLeading(refundSubmitted.type, submitRefund);
  yield takeLatest(refundRequested.type, followRefund);
  yield takeLatest(reconciliationRequested.type, loadReconciliation);
}
