import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A movement of money at Toss, append-only (a database trigger refuses UPDATE and DELETE):
 * charges positive, refunds negative. A payment's balance is the sum of its rows.
 */
@Entity('payment_ledger')
export class PaymentLedgerEntry {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') kind: 'CHARGE' | 'REFUND';
  @Column('integer', { name: 'amount_won' }) amountWon: number;
  @Column('text', { name: 'payment_key' }) paymentKey: string;
  @Column('text', { name: 'toss_order_id' }) tossOrderId: string;
  @Column('uuid', { name: 'attempt_id', nullable: true }) attemptId: string | null;
  @Column('uuid', { name: 'refund_id', nullable: true }) refundId: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
}
