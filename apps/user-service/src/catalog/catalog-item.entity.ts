import type { Grind, RoastLevel } from '@roastery/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type CatalogItemStatus = 'ON_SALE' | 'WITHDRAWN';

/** An option as the read model keeps it (stock lives in CatalogOptionStock). */
export interface CatalogItemOption {
  id: string;
  weightGrams: number;
  grind: Grind;
  priceWon: number;
}

/**
 * A catalog item as the newest `catalog.item.*` event left it (the read model; admin-service owns
 * the item). Indexes written by hand in the migration (partial, trigram, GIN) are declared with
 * `synchronize: false` so generated migrations leave them alone.
 */
@Entity('catalog_items')
@Index('catalog_items_new', { synchronize: false })
@Index('catalog_items_roast_new', { synchronize: false })
@Index('catalog_items_price', { synchronize: false })
@Index('catalog_items_price_desc', { synchronize: false })
@Index('catalog_items_origin', { synchronize: false })
@Index('catalog_items_region', { synchronize: false })
@Index('catalog_items_lot', { synchronize: false })
@Index('catalog_items_option_ids', { synchronize: false })
@Index('catalog_items_search', { synchronize: false })
export class CatalogItem {
  @PrimaryColumn('uuid') id: string;
  @Column('integer', { name: 'item_version' }) itemVersion: number;
  @Column('text') status: CatalogItemStatus;
  @Column('uuid', { name: 'product_id', nullable: true }) productId: string | null;
  @Column('integer', { name: 'product_version', nullable: true }) productVersion: number | null;
  @Column('uuid', { name: 'partner_id', nullable: true }) partnerId: string | null;
  @Column('text', { name: 'partner_name', default: '' }) partnerName: string;
  @Column('text', { default: '' }) name: string;
  @Column('text', { name: 'origin_country', default: '' }) originCountry: string;
  @Column('text', { name: 'origin_region', default: '' }) originRegion: string;
  @Column('text', { default: '' }) producer: string;
  @Column('text', { default: '' }) lot: string;
  @Column('text', { default: '' }) variety: string;
  @Column('text', { default: '' }) process: string;
  @Column('text', { name: 'roast_level', nullable: true }) roastLevel: RoastLevel | null;
  @Column('text', { name: 'tasting_notes', array: true, default: '{}' }) tastingNotes: string[];
  @Column('text', { default: '' }) description: string;
  @Column('text', { name: 'image_urls', array: true, default: '{}' }) imageUrls: string[];
  @Column('jsonb', { default: '[]' }) options: CatalogItemOption[];
  @Column('uuid', { name: 'option_ids', array: true, default: '{}' }) optionIds: string[];
  /** The cheapest option's price: what price filters and sorts use. */
  @Column('integer', { name: 'price_from', nullable: true }) priceFrom: number | null;
  /** The item as lists serve it (`CatalogItemSummaryDto` without stockStatus, which SQL appends from maxStock). */
  @Column('text', { name: 'summary_json', default: '' }) summaryJson: string;
  /** The best stock among the current options (null while none is known); kept by stock and catalog events. */
  @Column('integer', { name: 'max_stock', nullable: true }) maxStock: number | null;
  @Column('text', { name: 'lot_key', default: '' }) lotKey: string;
  /** Normalised name, origin, producer, variety, process, tasting notes and roaster (trigram-indexed). */
  @Column('text', { name: 'search_text', default: '' }) searchText: string;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true }) withdrawnAt: Date | null;
  @Column('text', { name: 'withdrawn_reason', nullable: true }) withdrawnReason: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
