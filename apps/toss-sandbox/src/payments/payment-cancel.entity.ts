import { Column, Entity, PrimaryColumn } from 'typeorm';
import { wonTransformer } from '../common/won.transformer';

const won = { type: 'bigint', transformer: wonTransformer } as const;

/** One full or partial cancel of a payment (an entry of `Payment.cancels`). */
@Entity('payment_cancels')
export class PaymentCancelEntity {
  @PrimaryColumn({ name: 'transaction_key', type: 'text' })
  transactionKey: string;

  @Column({ name: 'payment_key', type: 'text' })
  paymentKey: string;

  /** 1 for the first cancel of the payment, then 2, 3 … */
  @Column({ type: 'int' })
  seq: number;

  @Column({ name: 'cancel_amount', ...won })
  cancelAmount: number;

  @Column({ name: 'cancel_reason', type: 'text' })
  cancelReason: string;

  @Column({ name: 'tax_free_amount', ...won })
  taxFreeAmount: number;

  @Column({ name: 'tax_exemption_amount', ...won })
  taxExemptionAmount: number;

  /** The balance left after this cancel. */
  @Column({ name: 'refundable_amount', ...won })
  refundableAmount: number;

  @Column({ name: 'canceled_at', type: 'timestamptz' })
  canceledAt: Date;
}
