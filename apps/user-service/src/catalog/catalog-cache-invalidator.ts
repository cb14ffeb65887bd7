import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CatalogCache } from './catalog-cache';

/**
 * Clears cached items and list pages after a catalog change has committed. It runs as a second
 * handler of the same message, in its own transaction after the change's (ADR 0011): invalidating
 * inside the change's transaction would let a reader cache the old row again before the commit.
 */
@Injectable()
export class CatalogCacheInvalidator {
  constructor(private readonly cache: CatalogCache) {}

  /**
   * Consumes the invalidation the change recorded for this message. None yet means the change has
   * not committed (it failed or runs elsewhere): throwing sends the message round the retry queue,
   * and the next attempt applies the change before invalidating. A Redis failure retries the same way.
   */
  async afterCommit(em: EntityManager, messageId: string): Promise<void> {
    const [rows]: [{ item_ids: string[] }[], number] = await em.query(`DELETE FROM catalog_cache_invalidations WHERE message_id = $1 RETURNING item_ids`, [messageId]);
    if (rows.length === 0) throw new Error(`catalog change of message ${messageId} is not committed yet; cache left as is until it is`);
    if (rows[0].item_ids.length > 0) await this.cache.invalidate(rows[0].item_ids);
  }
}
