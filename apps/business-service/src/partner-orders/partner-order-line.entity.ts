import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One line of a partner order, with the snapshots taken when it was paid. */
@Entity('partner_order_lines')
export class PartnerOrderLine {
  @PrimaryColumn('uuid', { name: 'partner_order_id' }) partnerOrderId: string;
  @PrimaryColumn('int', { name: 'line_no' }) lineNo: number;
  @Column('uuid', { name: 'line_id', nullable: true }) lineId: string | null;
  @Column('uuid', { name: 'catalog_item_id' }) catalogItemId: string;
  @Column('uuid', { name: 'product_id' }) productId: string;
  @Column('uuid', { name: 'option_id' }) optionId: string;
  @Column('text', { name: 'product_name' }) productName: string;
  @Column('text', { name: 'option_label' }) optionLabel: string;
  @Column('int') quantity: number;
  @Column('int', { name: 'unit_price_won' }) unitPriceWon: number;
}
