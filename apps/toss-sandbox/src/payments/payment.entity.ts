import { Column, Entity, PrimaryColumn } from 'typeorm';
import { wonTransformer } from '../common/won.transformer';

/** The card block of a payment as stored (masked number only). */
export interface PaymentCard {
  issuerCode: string;
  acquirerCode: string;
  number: string;
  approveNo: string | null;
  cardType: string;
  ownerType: string;
  acquireStatus: string;
  installmentPlanMonths: number;
}

const won = { type: 'bigint', transformer: wonTransformer } as const;

/** A BILLING payment: approved (DONE, then PARTIAL_CANCELED or CANCELED) or declined (ABORTED). */
@Entity('payments')
export class PaymentEntity {
  @PrimaryColumn({ name: 'payment_key', type: 'text' })
  paymentKey: string;

  /** Insertion order: the latest payment of an orderId wins a lookup. */
  @Column({ type: 'bigint', insert: false, update: false, transformer: wonTransformer })
  seq: number;

  @Column({ name: 'order_id', type: 'text' })
  orderId: string;

  @Column({ name: 'order_name', type: 'text' })
  orderName: string;

  @Column({ name: 'customer_key', type: 'text' })
  customerKey: string;

  @Column({ type: 'text' })
  status: 'DONE' | 'PARTIAL_CANCELED' | 'CANCELED' | 'ABORTED';

  @Column({ name: 'total_amount', ...won })
  totalAmount: number;

  @Column({ name: 'balance_amount', ...won })
  balanceAmount: number;

  @Column({ name: 'supplied_amount', ...won })
  suppliedAmount: number;

  @Column({ ...won })
  vat: number;

  @Column({ name: 'tax_free_amount', ...won })
  taxFreeAmount: number;

  @Column({ name: 'tax_exemption_amount', ...won })
  taxExemptionAmount: number;

  @Column({ name: 'is_partial_cancelable', type: 'boolean' })
  isPartialCancelable: boolean;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'last_transaction_key', type: 'text', nullable: true })
  lastTransactionKey: string | null;

  /** The approval's transaction key (lastTransactionKey moves on with each cancel). */
  @Column({ name: 'approval_transaction_key', type: 'text', nullable: true })
  approvalTransactionKey: string | null;

  @Column({ type: 'jsonb' })
  card: PaymentCard;

  @Column({ type: 'jsonb', nullable: true })
  failure: { code: string; message: string } | null;

  /** Settlement fee rate at approval, so later setting changes do not rewrite history. */
  @Column({ name: 'fee_rate_bp', type: 'int' })
  feeRateBp: number;
}
