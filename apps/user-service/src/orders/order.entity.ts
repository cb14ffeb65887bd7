import type { FulfilmentStatus, ShipTo } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

/**
 * Where an order is in the saga (docs/subscriptions/order-saga.md):
 * PENDING_STOCK → READY_TO_CHARGE → CHARGING → PAID, with RETRY_SCHEDULED / AWAITING_CARD for a
 * declined renewal in dunning; STOCK_REFUSED, PAYMENT_FAILED and CANCELLED (the subscription was
 * cancelled before its box was charged) end it with nothing charged.
 */
export type OrderStatus = 'PENDING_STOCK' | 'READY_TO_CHARGE' | 'CHARGING' | 'RETRY_SCHEDULED' | 'AWAITING_CARD' | 'PAID' | 'STOCK_REFUSED' | 'PAYMENT_FAILED' | 'CANCELLED';

/** An order: one payment covering lines of one or more partners, with copies of what it was sold at and where it goes. */
@Entity('orders')
export class Order {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('uuid', { name: 'subscription_id', nullable: true }) subscriptionId: string | null;
  @Column('integer', { nullable: true }) cycle: number | null;
  @Column('text') status: OrderStatus;
  @Column('uuid', { name: 'payment_method_id' }) paymentMethodId: string;
  /** A copy of the shipping address at ordering time (personal data, kept with the order). */
  @Column('jsonb', { name: 'ship_to' }) shipTo: ShipTo;
  @Column('integer', { name: 'merchandise_won' }) merchandiseWon: number;
  @Column('integer', { name: 'shipping_won' }) shippingWon: number;
  @Column('integer', { name: 'discount_won' }) discountWon: number;
  @Column('integer', { name: 'total_won' }) totalWon: number;
  @Column('integer', { name: 'vat_won' }) vatWon: number;
  @Column('text', { name: 'order_name' }) orderName: string;
  @Column('date', { name: 'billing_date' }) billingDate: string;
  /** The billing run that placed it, for the run's progress; null for a first box or one-off order. */
  @Column('uuid', { name: 'run_id', nullable: true }) runId: string | null;
  /** Charge attempts made so far (the next one is attempts + 1). */
  @Column('integer') attempts: number;
  /** Definite declines so far (soft or hard): the dunning retries used. */
  @Column('integer') declines: number;
  @Column('integer', { name: 'transient_failures' }) transientFailures: number;
  /** When the first charge of this order failed: the dunning schedule counts from it. */
  @Column('timestamptz', { name: 'first_failure_at', nullable: true }) firstFailureAt: Date | null;
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true }) nextAttemptAt: Date | null;
  @Column('text', { name: 'last_failure_code', nullable: true }) lastFailureCode: string | null;
  @Column('text', { name: 'last_failure_category', nullable: true }) lastFailureCategory: string | null;
  @Column('timestamptz', { name: 'paid_at', nullable: true }) paidAt: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('timestamptz', { name: 'placed_at' }) placedAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  /** Fulfilment of the whole order, derived from its partner parts (order-state.rules.ts); null until business-service reports. */
  @Column('text', { name: 'fulfilment_status', nullable: true }) fulfilmentStatus: FulfilmentStatus | null;
  /** When every part was delivered: the automatic purchase confirmation counts from it. */
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @Column('timestamptz', { name: 'confirmed_at', nullable: true }) confirmedAt: Date | null;
  @Column('boolean', { name: 'confirmed_automatically', default: false }) confirmedAutomatically: boolean;
  /** A paid order the roaster's side cancelled (refunded in full through the refund queue). */
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  @VersionColumn() version: number;
}
