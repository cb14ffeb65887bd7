import type { ProductVersionContent } from '@roastery/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Why an item is off sale. */
export type OffSaleReason = 'PRODUCT_WITHDRAWN' | 'PARTNER_SUSPENDED' | 'MERGED';

/** One duplicate folded into an item's product. */
export interface MergeRecord {
  sourceProductId: string;
  sourceVersion: number;
  mergedAt: string;
  /** The admin who confirmed the merge. */
  by: string;
}

/**
 * The catalog master: one partner product merged with its seller's profile. Exactly one item per
 * product (unique product_id); a resubmission updates it, a confirmed duplicate folds into it.
 */
@Entity('catalog_items')
export class CatalogItem {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'product_id' }) productId: string;
  @Column('uuid', { name: 'partner_id' }) partnerId: string;
  /** The product version the content comes from. */
  @Column('int', { name: 'product_version' }) productVersion: number;
  /** The version of the last catalog event about this item; 0 while it was never announced. */
  @Column('int', { name: 'item_version' }) itemVersion: number;
  @Column('jsonb') content: ProductVersionContent;
  @Column('text', { name: 'lot_key' }) lotKey: string;
  @Column('text', { name: 'coffee_key' }) coffeeKey: string;
  @Column('boolean', { name: 'on_sale' }) onSale: boolean;
  @Column('text', { name: 'off_sale_reason', nullable: true }) offSaleReason: OffSaleReason | null;
  @Column('jsonb', { name: 'merge_history' }) mergeHistory: MergeRecord[];
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
