import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where a routed order stands at its partner. Only PAID exists until fulfilment (prepare, ship,
 * deliver) is built; the column and its CHECK already admit the later states.
 */
export const PARTNER_ORDER_STATUSES = ['PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const;
export type PartnerOrderStatus = (typeof PARTNER_ORDER_STATUSES)[number];

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
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
