import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The shipping fee one partner's part of an order was charged (0 at or above the free-shipping threshold). */
@Entity('order_shipping_fees')
export class OrderShippingFee {
  @PrimaryColumn('uuid', { name: 'order_id' }) orderId: string;
  @PrimaryColumn('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('integer', { name: 'merchandise_won' }) merchandiseWon: number;
  @Column('integer', { name: 'fee_won' }) feeWon: number;
  @Column('integer', { name: 'vat_won' }) vatWon: number;
}
