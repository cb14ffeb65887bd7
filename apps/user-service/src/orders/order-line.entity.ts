import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A line of an order with the snapshots it was sold at: price, commission, VAT, discount and who funds it. */
@Entity('order_lines')
export class OrderLine {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  @Column('uuid', { name: 'catalog_item_id' }) catalogItemId: string;
  @Column('uuid', { name: 'product_id' }) productId: string;
  @Column('uuid', { name: 'option_id' }) optionId: string;
  @Column('text', { name: 'product_name' }) productName: string;
  @Column('text', { name: 'option_label' }) optionLabel: string;
  @Column('integer') quantity: number;
  @Column('integer', { name: 'unit_price_won' }) unitPriceWon: number;
  @Column('integer', { name: 'gross_won' }) grossWon: number;
  @Column('integer', { name: 'discount_won' }) discountWon: number;
  @Column('text', { name: 'discount_funded_by', nullable: true }) discountFundedBy: 'PLATFORM' | 'PARTNER' | null;
  @Column('integer', { name: 'line_total_won' }) lineTotalWon: number;
  @Column('integer', { name: 'commission_rate_bp' }) commissionRateBp: number;
  @Column('integer', { name: 'commission_won' }) commissionWon: number;
  @Column('integer', { name: 'vat_won' }) vatWon: number;
  @Column('integer') position: number;
}
