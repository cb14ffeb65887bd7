import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The cached items a committed catalog change made stale, keyed by the message that changed them.
 * Written in the change's transaction, deleted by the handler that clears Redis after the commit.
 */
@Entity('catalog_cache_invalidations')
export class CatalogCacheInvalidation {
  @PrimaryColumn('uuid', { name: 'message_id' }) messageId: string;
  @Column('uuid', { name: 'item_ids', array: true }) itemIds: string[];
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
