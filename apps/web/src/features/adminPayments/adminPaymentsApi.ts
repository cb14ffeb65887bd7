import type { Page } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

/*
 * admin-service's payment oversight (/admin/payments, /admin/refunds). The shapes mirror
 * apps/admin-service/src/payments/payments.dto.ts; they move to @roastery/contracts when a second
 * client needs them.
 */

export type PaymentStatus = 'PAID' | 'PARTIALLY_REFUNDED' | 'REFUNDED';
export type RefundStatus = 'REQUESTED' | 'COMPLETED' | 'REFUSED';

/** One payment in the list. */
export interface PaymentSummary {
  orderId: string;
  userId: string;
  subscriptionId: string | null;
  partnerIds: string[];
  totalWon: number;
  refundedWon: number;
  balanceWon: number;
  status: PaymentStatus;
  paidAt: string;
  paymentKey: string | null;
  tossOrderId: string | null;
}

/** A refund of a payment, whoever asked. */
export interface Refund {
  refundId: string;
  orderId: string;
  status: RefundStatus;
  amountWon: number | null;
  reason: string | null;
  requestedBy: { role: 'ADMIN' | 'PARTNER' | 'SUBSCRIBER' | 'SYSTEM'; userId: string | null; partnerId: string | null } | null;
  requestedAt: string | null;
  completedAt: string | null;
  refusedAt: string | null;
  refusal: { code: string; message: string } | null;
  lines: { lineId: string; partnerId: string; amountWon: number }[];
  shippingWon: number | null;
  balanceAfterWon: number | null;
}

/** One payment with its lines, partner parts, refunds and ledger rows. */
export interface PaymentDetail extends PaymentSummary {
  lines: { lineId: string | null; partnerId: string; productName: string | null; optionLabel: string | null; quantity: number; unitPriceWon: number }[];
  shippingFees: { partnerId: string; feeWon: number }[];
  pendingWon: number;
  fulfilment: { partnerOrderId: string; partnerId: string; status: string; carrier: string | null; trackingNumber: string | null; changedAt: string }[];
  refunds: Refund[];
  ledger: { kind: 'CHARGE' | 'REFUND'; refundId: string | null; amountWon: number; balanceWon: number; at: string }[];
}

export interface SideTotals {
  charges: number;
  chargedWon: number;
  refunds: number;
  refundedWon: number;
  netWon: number;
}

export type MismatchKind = 'MISSING_AT_TOSS' | 'MISSING_HERE' | 'AMOUNT_MISMATCH' | 'REFUND_MISMATCH';

export interface Mismatch {
  kind: MismatchKind;
  orderId: string | null;
  tossOrderId: string | null;
  paymentKey: string | null;
  ourAmountWon: number | null;
  tossAmountWon: number | null;
  refundIds: string[];
  transactionKeys: string[];
  detail: string;
}

/** The reconciliation report of Seoul days. */
export interface ReconciliationReport {
  from: string;
  to: string;
  generatedAt: string;
  toss: { baseUrl: string; mode: string; pages: number; transactions: number };
  totals: { ours: SideTotals; toss: SideTotals };
  matchedCharges: number;
  mismatches: Mismatch[];
}

/** The search form's filters (empty strings are left out of the request). */
export interface PaymentFilters {
  subscriber: string;
  partnerId: string;
  orderId: string;
  status: '' | PaymentStatus;
  from: string;
  to: string;
}

export interface PaymentsQuery extends PaymentFilters {
  page: number;
  size: number;
}

export const emptyFilters: PaymentFilters = { subscriber: '', partnerId: '', orderId: '', status: '', from: '', to: '' };

/** Whether a refund has its answer from user-service. */
export const isFinalRefund = (r: Pick<Refund, 'status'>): boolean => r.status !== 'REQUESTED';

/** HTTP calls of admin-service's payment oversight. */
export const adminPaymentsApi = {
  search: (token: string | null, q: PaymentsQuery) =>
    apiRequest<Page<PaymentSummary>>('/admin/payments', { token, query: { ...q } }),
  detail: (token: string | null, orderId: string) => apiRequest<PaymentDetail>(`/admin/payments/${encodeURIComponent(orderId)}`, { token }),
  /** Asks for a refund (202); the key makes a repeated click ask once. */
  requestRefund: (token: string | null, orderId: string, body: { amount: number; reason: string }, idempotencyKey: string) =>
    apiRequest<{ refundId: string; status: RefundStatus }>(`/admin/payments/${encodeURIComponent(orderId)}/refund`, { method: 'POST', token, body, headers: { 'Idempotency-Key': idempotencyKey } }),
  refund: (token: string | null, refundId: string) => apiRequest<Refund>(`/admin/refunds/${encodeURIComponent(refundId)}`, { token }),
  reconciliation: (token: string | null, date: string) => apiRequest<ReconciliationReport>('/admin/payments/reconciliation', { token, query: { date } }),
};
