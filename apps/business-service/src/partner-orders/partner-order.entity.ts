import { FULFILMENT_STATUSES, type FulfilmentStatus } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a routed order stands at its partner (the state machine is src/fulfilment/fulfilment.rules.ts). */
export const PARTNER_ORDER_STATUSES = FULFILMENT_STATUSES;
export type PartnerOrderStatus = FulfilmentStatus;

/** The copy of the shipping address the partner ships to (order.paid's shipTo). */
export interface ShipTo {
  recipient: string;
  phone: string;
  postalCode: string;
  line1: string;
  line2: string;
}

/** The part of a paid order one partner fulfils: one row per (order, partner). */
@Entity('partner_orders')
export class PartnerOrder {
  @PrimaryColumn('uuid') id: string;
  /** user-service's order id. */
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'subscription_id', nullable: true }) subscriptionId: string | null;
  @Column('text') status: PartnerOrderStatus;
  @Column('int', { name: 'items_total_won' }) itemsTotalWon: number;
  @Column('int', { name: 'shipping_fee_won' }) shippingFeeWon: number;
  @Column('jsonb', { name: 'ship_to', nullable: true }) shipTo: ShipTo | null;
  /** False when the order was paid without a held reservation (logged; stock taken as far as it went). */
  @Column('boolean', { name: 'stock_reserved' }) stockReserved: boolean;
  @Column('timestamptz', { name: 'paid_at' }) paidAt: Date;
  /** Grows with every status change; the aggregateVersion of fulfilment.status.changed. */
  @Column('int') version: number;
  @Column('text', { nullable: true }) carrier: string | null;
  @Column('text', { name: 'tracking_number', nullable: true }) trackingNumber: string | null;
  @Column('timestamptz', { name: 'prepared_at', nullable: true }) preparedAt: Date | null;
  @Column('timestamptz', { name: 'shipped_at', nullable: true }) shippedAt: Date | null;
  @Column('timestamptz', { name: 'delivered_at', nullable: true }) deliveredAt: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt: Date | null;
  @Column('uuid', { name: 'cancel_request_id', nullable: true }) cancelRequestId: string | null;
  @Column('timestamptz', { name: 'return_requested_at', nullable: true }) returnRequestedAt: Date | null;
  @Column('uuid', { name: 'return_request_id', nullable: true }) returnRequestId: string | null;
  @Column('text', { name: 'return_reason', nullable: true }) returnReason: string | null;
  @Column('timestamptz', { name: 'returned_at', nullable: true }) returnedAt: Date | null;
  /** The subscriber confirmed the purchase (order.purchase.confirmed): no more returns. */
  @Column('timestamptz', { name: 'confirmed_at', nullable: true }) confirmedAt: Date | null;
  /** The subscriber deleted the account while the order was in flight: erase the ship-to once it arrives. */
  @Column('boolean', { name: 'anonymise_pending' }) anonymisePending: boolean;
  @Column('timestamptz', { name: 'anonymised_at', nullable: true }) anonymisedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
