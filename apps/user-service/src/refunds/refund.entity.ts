import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RefundStatus = 'QUEUED' | 'PENDING' | 'COMPLETED' | 'REFUSED';
export type RequesterRole = 'ADMIN' | 'PARTNER' | 'SUBSCRIBER' | 'SYSTEM';

/** How a refund was spread over the order: per line, and per partner's shipping fee. */
export interface RefundAllocation {
  lines: { lineId: string; partnerId: string; amountWon: number }[];
  shipping: { partnerId: string; amountWon: number }[];
}

/**
 * A refund of (part of) an order's payment. QUEUED until its turn in the payment's queue; PENDING
 * once validated, its amount and Idempotency-Key committed before Toss is called; COMPLETED with
 * its ledger row, or REFUSED with a code of `refund.refused`.
 */
@Entity('refunds')
export class Refund {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column('integer', { name: 'requested_amount_won', nullable: true }) requestedAmountWon: number | null;
  @Column('integer', { name: 'amount_won', nullable: true }) amountWon: number | null;
  @Column('text') reason: string;
  @Column('text', { name: 'requester_role' }) requesterRole: RequesterRole;
  @Column('uuid', { name: 'requester_user_id', nullable: true }) requesterUserId: string | null;
  @Column('uuid', { name: 'requester_partner_id', nullable: true }) requesterPartnerId: string | null;
  @Column('text') status: RefundStatus;
  @Column('text', { name: 'refused_code', nullable: true }) refusedCode: string | null;
  @Column('text', { name: 'refused_message', nullable: true }) refusedMessage: string | null;
  @Column('jsonb', { nullable: true }) allocation: RefundAllocation | null;
  @Column('integer', { name: 'refundable_before_won', nullable: true }) refundableBeforeWon: number | null;
  @Column('integer', { name: 'send_no' }) sendNo: number;
  @Column('text', { name: 'idempotency_key', nullable: true }) idempotencyKey: string | null;
  @Column('text', { name: 'toss_transaction_key', nullable: true }) tossTransactionKey: string | null;
  @Column('boolean', { name: 'needs_operator' }) needsOperator: boolean;
  @Column('boolean') external: boolean;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
}
