import { Column, Entity, PrimaryColumn } from 'typeorm';
import { wonTransformer } from '../common/won.transformer';

/** A row of `GET /v1/transactions`: one per approval and one per cancel. */
@Entity('transactions')
export class TransactionEntity {
  @PrimaryColumn({ name: 'transaction_key', type: 'text' })
  transactionKey: string;

  /** Insertion order, the tie-breaker of the listing and its `startingAfter` cursor. */
  @Column({ type: 'bigint', insert: false, update: false, transformer: wonTransformer })
  seq: number;

  @Column({ name: 'payment_key', type: 'text' })
  paymentKey: string;

  @Column({ name: 'order_id', type: 'text' })
  orderId: string;

  @Column({ name: 'customer_key', type: 'text' })
  customerKey: string;

  /** The payment's status right after this transaction. */
  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'bigint', transformer: wonTransformer })
  amount: number;

  @Column({ name: 'transaction_at', type: 'timestamptz' })
  transactionAt: Date;
}
