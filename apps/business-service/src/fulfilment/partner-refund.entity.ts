import { Column, Entity, PrimaryColumn } from 'typeorm';

export const PARTNER_REFUND_STATUSES = ['REQUESTED', 'COMPLETED', 'REFUSED'] as const;
export type PartnerRefundStatus = (typeof PARTNER_REFUND_STATUSES)[number];

/**
 * A refund of a partner order's lines: asked by the partner (REQUESTED until user-service answers
 * with refund.completed / refund.refused), or seen completed for another requester (admin,
 * cancellation, return) so the partner sees every refund and its own balance stays right.
 */
@Entity('partner_refunds')
export class PartnerRefund {
  @PrimaryColumn('uuid', { name: 'refund_id' }) refundId: string;
  @PrimaryColumn('uuid', { name: 'partner_order_id' }) partnerOrderId: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('text', { name: 'requested_by_role' }) requestedByRole: 'ADMIN' | 'PARTNER' | 'SUBSCRIBER' | 'SYSTEM';
  @Column('uuid', { name: 'requested_by_user_id', nullable: true }) requestedByUserId: string | null;
  /** What was asked; null for "the whole balance" (a cancellation's full refund). */
  @Column('int', { name: 'amount_won', nullable: true }) amountWon: number | null;
  /** What user-service gave back of this partner's lines; set when COMPLETED. */
  @Column('int', { name: 'refunded_won', nullable: true }) refundedWon: number | null;
  @Column('text') reason: string;
  @Column('text') status: PartnerRefundStatus;
  @Column('text', { name: 'refused_code', nullable: true }) refusedCode: string | null;
  @Column('text', { name: 'refused_message', nullable: true }) refusedMessage: string | null;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey: string | null;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
}
