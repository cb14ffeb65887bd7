import type { ProductStatus } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A partner's product: its versions are in product_versions, its options and stock in product_options. */
@Entity('products')
export class Product {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  /** Derived by productStatusOf (product.rules.ts) whenever versions change. */
  @Column('text') status: ProductStatus;
  /** The newest version: the one being edited or reviewed. */
  @Column('int', { name: 'latest_version' }) latestVersion: number;
  /** The approved version on sale, if any. */
  @Column('int', { name: 'on_sale_version', nullable: true }) onSaleVersion: number | null;
  /** admin-service's catalog item for this product, learnt from the first approval. */
  @Column('uuid', { name: 'catalog_item_id', nullable: true }) catalogItemId: string | null;
  @Column('uuid', { name: 'merged_into_product_id', nullable: true }) mergedIntoProductId: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  /** When it was withdrawn or merged. */
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  /** Grows with every change; the aggregateVersion of the product's events. */
  @Column('int') revision: number;
}
