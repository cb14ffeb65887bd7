import type { RefundRequester } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** bigint columns hold won; JavaScript numbers are exact far beyond any amount we see. */
export const wonColumn = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** One order line as order.paid described it. */
export interface PaidLine {
  lineId: string | null;
  partnerId: string;
  productName: string | null;
  optionLabel: string | null;
  quantity: number;
  unitPriceWon: number;
}

/**
 * One payment as admin-service knows it: an order paid (order.paid, one payment per order), with
 * the refunded sum kept from refund.completed. user-service's ledger is the truth; this is a copy.
 */
@Entity('payments')
export class PaymentRecord {
  @PrimaryColumn('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'subscription_id', nullable: true }) subscriptionId: string | null;
  @Column('uuid', { name: 'partner_ids', array: true }) partnerIds: string[];
  @Column('jsonb') lines: PaidLine[];
  @Column('jsonb', { name: 'shipping_fees' }) shippingFees: { partnerId: string; feeWon: number }[];
  @Column('bigint', { name: 'total_won', transformer: wonColumn }) totalWon: number;
  @Column('bigint', { name: 'refunded_won', transformer: wonColumn }) refundedWon: number;
  /** PAID, PARTIALLY_REFUNDED or REFUNDED, generated from the two sums above. */
  @Column({ type: 'text', insert: false, update: false }) status: PaymentStatus;
  /** Toss's paymentKey: from order.paid when user-service sends it, else from the first refund.completed. */
  @Column('text', { name: 'payment_key', nullable: true }) paymentKey: string | null;
  /** The orderId user-service gave Toss (not ours: one per charge attempt). */
  @Column('text', { name: 'toss_order_id', nullable: true }) tossOrderId: string | null;
  @Column('timestamptz', { name: 'paid_at' }) paidAt: Date;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}

export const PAYMENT_STATUSES = ['PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A refund of a payment: asked for here (REQUESTED), or first heard of when user-service answered. */
@Entity('payment_refunds')
export class RefundRecord {
  @PrimaryColumn('uuid', { name: 'refund_id' }) refundId: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') status: RefundStatus;
  /** Null only for a refusal of a request this service never saw. */
  @Column('bigint', { name: 'amount_won', nullable: true, transformer: wonColumn }) amountWon: number | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { name: 'requested_by_role', nullable: true }) requestedByRole: RefundRequester['role'] | null;
  @Column('uuid', { name: 'requested_by_user_id', nullable: true }) requestedByUserId: string | null;
  @Column('uuid', { name: 'requested_by_partner_id', nullable: true }) requestedByPartnerId: string | null;
  @Column('timestamptz', { name: 'requested_at', nullable: true }) requestedAt: Date | null;
  /** The admin's Idempotency-Key, unique per admin (ADR 0013, layer 2). */
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey: string | null;
  @Column('jsonb') lines: { lineId: string; partnerId: string; amountWon: number }[];
  @Column('bigint', { name: 'shipping_won', nullable: true, transformer: wonColumn }) shippingWon: number | null;
  /** What user-service said was left refundable after this refund. */
  @Column('bigint', { name: 'balance_after_won', nullable: true, transformer: wonColumn }) balanceAfterWon: number | null;
  @Column('text', { name: 'payment_key', nullable: true }) paymentKey: string | null;
  @Column('timestamptz', { name: 'completed_at', nullable: true }) completedAt: Date | null;
  @Column('text', { name: 'refused_code', nullable: true }) refusedCode: string | null;
  @Column('text', { name: 'refused_message', nullable: true }) refusedMessage: string | null;
  @Column('timestamptz', { name: 'refused_at', nullable: true }) refusedAt: Date | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

export type RefundStatus = 'REQUESTED' | 'COMPLETED' | 'REFUSED';

/** The latest fulfilment status of one partner's part of an order (business-service decides it). */
@Entity('payment_fulfilments')
export class FulfilmentPart {
  @PrimaryColumn('uuid', { name: 'partner_order_id' }) partnerOrderId: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('text') status: string;
  @Column('integer') version: number;
  @Column('text', { nullable: true }) carrier: string | null;
  @Column('text', { name: 'tracking_number', nullable: true }) trackingNumber: string | null;
  @Column('timestamptz', { name: 'changed_at' }) changedAt: Date;
}
