import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An option's stock as the newest `product.stock.changed` left it; kept even before its item is published. */
@Entity('catalog_option_stock')
export class CatalogOptionStock {
  @PrimaryColumn('uuid', { name: 'option_id' }) optionId: string;
  @Column('uuid', { name: 'product_id' }) productId: string;
  @Column('integer') stock: number;
  @Column('integer', { name: 'stock_version' }) stockVersion: number;
  @Column('timestamptz', { name: 'changed_at' }) changedAt: Date;
}
