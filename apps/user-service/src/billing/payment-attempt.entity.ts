import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * PENDING: written before Toss is called. UNKNOWN: the call's outcome is not known (timeout, lost
 * answer, crash). APPROVED / DECLINED: definite. Only a definite decline opens the next attempt.
 */
export type AttemptStatus = 'PENDING' | 'UNKNOWN' | 'APPROVED' | 'DECLINED';

/** One charge attempt at Toss, with the orderId and Idempotency-Key fixed before the call. */
@Entity('payment_attempts')
export class PaymentAttempt {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('integer') attempt: number;
  @Column('text', { name: 'toss_order_id' }) tossOrderId: string;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey: string;
  @Column('uuid', { name: 'payment_method_id' }) paymentMethodId: string;
  @Column('integer', { name: 'amount_won' }) amountWon: number;
  @Column('text') status: AttemptStatus;
  @Column('text', { name: 'payment_key', nullable: true }) paymentKey: string | null;
  @Column('text', { name: 'failure_code', nullable: true }) failureCode: string | null;
  @Column('text', { name: 'failure_category', nullable: true }) failureCategory: string | null;
  @Column('text', { name: 'failure_message', nullable: true }) failureMessage: string | null;
  /** Until when the worker that made the call owns it; after that, the resolver may take over. */
  @Column('timestamptz', { name: 'lease_until' }) leaseUntil: Date;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
}
