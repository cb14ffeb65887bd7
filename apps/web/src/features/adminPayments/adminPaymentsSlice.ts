import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { Page, PaymentDetailDto, PaymentSummaryDto, ReconciliationReportDto, RefundDto } from '@roastery/contracts';
import type { Problem } from '../../common/problem';
import { emptyFilters, isFinalRefund, type PaymentsQuery } from './adminPaymentsApi';

type Load = 'idle' | 'loading' | 'loaded' | 'failed';

/** The refund dialog's request: sent, then followed until user-service answers. */
export interface RefundFlow {
  phase: 'idle' | 'submitting' | 'following' | 'finished' | 'lost';
  orderId: string | null;
  refundId: string | null;
  refund: RefundDto | null;
  problem: Problem | null;
  /**
   * The key of a request whose outcome is unknown (network error, 5xx): sending again reuses it, so
   * a request that did commit is not asked for twice.
   */
  retryKey: string | null;
}

export interface AdminPaymentsState {
  list: { query: PaymentsQuery; load: Load; problem: Problem | null; items: PaymentSummaryDto[]; total: number };
  detail: { orderId: string | null; load: Load; problem: Problem | null; payment: PaymentDetailDto | null };
  refund: RefundFlow;
  reconciliation: { date: string | null; load: Load; problem: Problem | null; report: ReconciliationReportDto | null };
}

const idleRefund: RefundFlow = { phase: 'idle', orderId: null, refundId: null, refund: null, problem: null, retryKey: null };

export const initialAdminPaymentsState: AdminPaymentsState = {
  list: { query: { ...emptyFilters, page: 1, size: 20 }, load: 'idle', problem: null, items: [], total: 0 },
  detail: { orderId: null, load: 'idle', problem: null, payment: null },
  refund: idleRefund,
  reconciliation: { date: null, load: 'idle', problem: null, report: null },
};

/** A failure after which the request may or may not have reached the server. */
const outcomeUnknown = (p: Problem) => p.status === 0 || p.status >= 500;

/** The backoffice's payments (/backoffice/payments): search, detail, refunds, reconciliation. */
export const adminPaymentsSlice = createSlice({
  name: 'adminPayments',
  initialState: initialAdminPaymentsState,
  reducers: {
    paymentsSearched(state, action: PayloadAction<PaymentsQuery>) {
      state.list.query = action.payload;
      state.list.load = 'loading';
      state.list.problem = null;
    },
    paymentsLoaded(state, action: PayloadAction<Page<PaymentSummaryDto>>) {
      state.list.load = 'loaded';
      state.list.items = action.payload.items;
      state.list.total = action.payload.total;
    },
    paymentsLoadFailed(state, action: PayloadAction<Problem>) {
      state.list.load = 'failed';
      state.list.problem = action.payload;
    },
    paymentViewed(state, action: PayloadAction<string>) {
      if (state.detail.orderId !== action.payload) state.detail.payment = null;
      state.detail.orderId = action.payload;
      state.detail.load = 'loading';
      state.detail.problem = null;
      // A refund followed for another payment is not this page's business any more.
      if (state.refund.orderId !== action.payload) state.refund = idleRefund;
    },
    paymentLoaded(state, action: PayloadAction<PaymentDetailDto>) {
      if (state.detail.orderId !== action.payload.orderId) return;
      state.detail.load = 'loaded';
      state.detail.payment = action.payload;
    },
    paymentLoadFailed(state, action: PayloadAction<{ orderId: string; problem: Problem }>) {
      if (state.detail.orderId !== action.payload.orderId) return;
      state.detail.load = 'failed';
      state.detail.problem = action.payload.problem;
    },
    refundSubmitted(state, action: PayloadAction<{ orderId: string; amount: number; reason: string; idempotencyKey: string }>) {
      state.refund = { ...idleRefund, phase: 'submitting', orderId: action.payload.orderId };
    },
    refundRequested(state, action: PayloadAction<{ orderId: string; refundId: string }>) {
      state.refund = { ...idleRefund, phase: 'following', orderId: action.payload.orderId, refundId: action.payload.refundId };
    },
    refundRequestFailed(state, action: PayloadAction<{ orderId: string; problem: Problem; idempotencyKey: string }>) {
      const { orderId, problem, idempotencyKey } = action.payload;
      state.refund = { ...idleRefund, orderId, problem, retryKey: outcomeUnknown(problem) ? idempotencyKey : null };
    },
    refundPolled(state, action: PayloadAction<RefundDto>) {
      if (state.refund.refundId !== action.payload.refundId) return;
      state.refund.refund = action.payload;
      if (isFinalRefund(action.payload)) state.refund.phase = 'finished';
    },
    /** Polling gave up after repeated failures; the refund itself may still complete. */
    refundPollFailed(state, action: PayloadAction<{ refundId: string; problem: Problem }>) {
      if (state.refund.refundId !== action.payload.refundId) return;
      state.refund.phase = 'lost';
      state.refund.problem = action.payload.problem;
    },
    /** The dialog closes; polling stops (the refund goes on at user-service). */
    refundDialogClosed(state) {
      state.refund = { ...idleRefund, orderId: state.refund.orderId, retryKey: state.refund.retryKey };
    },
    reconciliationRequested(state, action: PayloadAction<string>) {
      state.reconciliation = { date: action.payload, load: 'loading', problem: null, report: state.reconciliation.date === action.payload ? state.reconciliation.report : null };
    },
    reconciliationLoaded(state, action: PayloadAction<ReconciliationReportDto>) {
      if (state.reconciliation.date !== action.payload.from) return;
      state.reconciliation.load = 'loaded';
      state.reconciliation.report = action.payload;
    },
    reconciliationFailed(state, action: PayloadAction<{ date: string; problem: Problem }>) {
      if (state.reconciliation.date !== action.payload.date) return;
      state.reconciliation.load = 'failed';
      state.reconciliation.problem = action.payload.problem;
    },
  },
  selectors: {
    selectPaymentList: (state) => state.list,
    selectPaymentPageCount: (state) => Math.max(1, Math.ceil(state.list.total / state.list.query.size)),
    selectPaymentDetail: (state) => state.detail,
    selectRefundFlow: (state) => state.refund,
    /** What an admin may still ask to refund: the balance less requests not yet answered. */
    selectRefundableWon: (state) => (state.detail.payment ? Math.max(0, state.detail.payment.balanceWon - state.detail.payment.pendingWon) : 0),
    selectReconciliation: (state) => state.reconciliation,
  },
});

export const {
  paymentsSearched,
  paymentsLoaded,
  paymentsLoadFailed,
  paymentViewed,
  paymentLoaded,
  paymentLoadFailed,
  refundSubmitted,
  refundRequested,
  refundRequestFailed,
  refundPolled,
  refundPollFailed,
  refundDialogClosed,
  reconciliationRequested,
  reconciliationLoaded,
  reconciliationFailed,
} = adminPaymentsSlice.actions;

export const { selectPaymentList, selectPaymentPageCount, selectPaymentDetail, selectRefundFlow, selectRefundableWon, selectReconciliation } = adminPaymentsSlice.selectors;
