import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One reserved order line: unique per (order, line), so no order line is ever reserved twice. */
@Entity('stock_reservations')
export class StockReservation {
  @PrimaryColumn('uuid', { name: 'order_id' }) orderId: string;
  @PrimaryColumn('uuid', { name: 'line_id' }) lineId: string;
  @Column('uuid', { name: 'option_id' }) optionId: string;
  @Column('uuid', { name: 'product_id' }) productId: string;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('int') quantity: number;
  /** HELD counts in product_options.held; COMMITTED was taken off stock on payment; RELEASED returned it. */
  @Column('text') status: 'HELD' | 'COMMITTED' | 'RELEASED';
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
