import { z } from 'zod';
import type { refundRequesterSchema } from '../events/refund';
import { pageQuerySchema } from './pagination';

/*
 * admin-service's payment oversight (/admin/payments, /admin/refunds, /admin/payments/reconciliation):
 * the query and body schemas admin-service validates with, and the answers the backoffice reads.
 */

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD (Asia/Seoul)');

/** Where a payment stands in admin-service's read model. */
export const PAYMENT_STATUSES = ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const;
export type PaymentStatusDto = (typeof PAYMENT_STATUSES)[number];
/** Where a refund stands: asked for, or answered by user-service. */
export type RefundStatusDto = 'REQUESTED' | 'COMPLETED' | 'REFUSED';
/** Who asked for a refund (the requester of refund.requested). */
export type RefundRequester = z.infer<typeof refundRequesterSchema>;

/** `GET /admin/payments` filters; dates are Seoul calendar days, both ends included. */
export const paymentsQuerySchema = pageQuerySchema.extend({
  /** The subscriber's user id. */
  subscriber: z.uuid().optional(),
  partnerId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  status: z.enum(PAYMENT_STATUSES).optional(),
  from: ymd.optional(),
  to: ymd.optional(),
});
export type PaymentsQuery = z.output<typeof paymentsQuerySchema>;

/** `POST /admin/payments/:orderId/refund`. */
export const refundRequestSchema = z.strictObject({
  amount: z.number().int().positive().max(1_000_000_000),
  reason: z.string().trim().min(1).max(200),
});
export type RefundRequestBody = z.output<typeof refundRequestSchema>;

/** `GET /admin/payments/reconciliation?date=` or `?from=&to=` (at most 31 days). */
export const reconciliationQuerySchema = z
  .strictObject({ date: ymd.optional(), from: ymd.optional(), to: ymd.optional() })
  .refine((q) => (q.date !== undefined) !== (q.from !== undefined || q.to !== undefined), { message: 'give either date, or from and to' })
  .refine((q) => q.date !== undefined || (q.from !== undefined && q.to !== undefined && q.from <= q.to), { message: 'from and to are both needed, from ≤ to' });
export type ReconciliationQuery = z.output<typeof reconciliationQuerySchema>;

/** One payment in the list. */
export interface PaymentSummaryDto {
  orderId: string;
  userId: string;
  subscriptionId: string | null;
  partnerIds: string[];
  totalWon: number;
  refundedWon: number;
  /** total − completed refunds: what user-service's ledger should show as refundable. */
  balanceWon: number;
  status: PaymentStatusDto;
  paidAt: string;
  paymentKey: string | null;
  tossOrderId: string | null;
}

/** A refund of a payment, whoever asked. */
export interface RefundDto {
  refundId: string;
  orderId: string;
  status: RefundStatusDto;
  amountWon: number | null;
  reason: string | null;
  requestedBy: RefundRequester | null;
  requestedAt: string | null;
  completedAt: string | null;
  refusedAt: string | null;
  refusal: { code: string; message: string } | null;
  lines: { lineId: string; partnerId: string; amountWon: number }[];
  shippingWon: number | null;
  balanceAfterWon: number | null;
}

/** A ledger-like row: the charge, then each completed refund, with the balance after it. */
export interface PaymentLedgerRowDto {
  kind: 'CHARGE' | 'REFUND';
  refundId: string | null;
  /** Positive for the charge, negative for a refund. */
  amountWon: number;
  balanceWon: number;
  at: string;
}

/** One payment with its lines, partner parts, refunds and ledger rows. */
export interface PaymentDetailDto extends PaymentSummaryDto {
  lines: { lineId: string | null; partnerId: string; productName: string | null; optionLabel: string | null; quantity: number; unitPriceWon: number }[];
  shippingFees: { partnerId: string; feeWon: number }[];
  /** Requested refunds not answered yet: the balance an admin may still ask for is balanceWon − pendingWon. */
  pendingWon: number;
  fulfilment: { partnerOrderId: string; partnerId: string; status: string; carrier: string | null; trackingNumber: string | null; changedAt: string }[];
  refunds: RefundDto[];
  ledger: PaymentLedgerRowDto[];
}

/** The answer to an admin's refund request (202). */
export interface RefundRequestedDto {
  refundId: string;
  status: RefundStatusDto;
}

/** How the read model and Toss's transactions listing can disagree. */
export type MismatchKind = 'MISSING_AT_TOSS' | 'MISSING_HERE' | 'AMOUNT_MISMATCH' | 'REFUND_MISMATCH';

/** One disagreement between the two sides, with every id needed to look it up on both. */
export interface Mismatch {
  kind: MismatchKind;
  /** Our order id (null when Toss has something we do not know). */
  orderId: string | null;
  /** The orderId at Toss (user-service's per-attempt id). */
  tossOrderId: string | null;
  paymentKey: string | null;
  ourAmountWon: number | null;
  tossAmountWon: number | null;
  refundIds: string[];
  transactionKeys: string[];
  detail: string;
}

/** The charges and refunds of one side over the period. */
export interface SideTotals {
  charges: number;
  chargedWon: number;
  refunds: number;
  refundedWon: number;
  netWon: number;
}

/** The reconciliation report of a period of Seoul days. */
export interface ReconciliationReportDto {
  from: string;
  to: string;
  generatedAt: string;
  /** Which Toss the report read (base URL and key mode, never the key). */
  toss: { baseUrl: string; mode: string; pages: number; transactions: number };
  totals: { ours: SideTotals; toss: SideTotals };
  matchedCharges: number;
  mismatches: Mismatch[];
}
