import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRedis } from '@roastery/persistence';
import type Redis from 'ioredis';
import { CONFIG, type UserServiceConfig } from '../config';

/** Redis keys of the catalog (under the service's REDIS_PREFIX, which the client adds). */
export const catalogKeys = {
  item: (id: string) => `catalog:item:${id}`,
  itemGeneration: (id: string) => `catalog:item-gen:${id}`,
  listGeneration: 'catalog:list-gen',
  /** Bumped by every counted order, so pages sorted by popularity are recomputed. */
  popularGeneration: 'catalog:popular-gen',
  listPrefix: 'catalog:list:',
  popular: (window: 'day' | 'week', bucket: string) => `catalog:popular:${window}:${bucket}`,
  countedOrder: (orderId: string) => `catalog:popular:order:${orderId}`,
} as const;

/** What a cache read found: the cached JSON, or the generation a fill must be made under. */
export interface CacheRead {
  json: string | null;
  generation: string;
}

// A list page lives under the list generation (and, for popularity order, the popularity
// generation): bumping one drops every page at once without enumerating keys.
const LIST_GET = `
local g = redis.call('GET', KEYS[1]) or '0'
if ARGV[2] == '1' then g = g .. '.' .. (redis.call('GET', KEYS[2]) or '0') end
return {g, redis.call('GET', KEYS[3] .. g .. ':' .. ARGV[1])}`;

// An item is filled only if no invalidation happened since the reader saw the generation: a
// reader that loaded the row before a change committed must not put the old row back.
const ITEM_FILL = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
return 1`;

interface CatalogRedis extends Redis {
  catalogListGet(generationKey: string, popularGenerationKey: string, listPrefix: string, queryHash: string, popular: '0' | '1'): Promise<[string, string | null]>;
  catalogItemFill(generationKey: string, itemKey: string, generation: string, json: string, ttlSeconds: number): Promise<number>;
}

/**
 * Cache-aside storage for catalog JSON (ADR 0011). Readers get a generation with every miss and
 * fill under it; CatalogCacheInvalidator bumps generations after a catalog change commits, so a
 * page or item loaded before the change can never be served after it.
 */
@Injectable()
export class CatalogCache implements OnModuleDestroy {
  private readonly redis: CatalogRedis;
  private readonly ttl: number;

  constructor(@InjectRedis() shared: Redis, @Inject(CONFIG) config: UserServiceConfig) {
    // Its own connection with auto-pipelining: concurrent requests' reads share round trips.
    const redis = shared.duplicate({ enableAutoPipelining: true });
    redis.defineCommand('catalogListGet', { numberOfKeys: 3, lua: LIST_GET });
    redis.defineCommand('catalogItemFill', { numberOfKeys: 2, lua: ITEM_FILL });
    this.redis = redis as CatalogRedis;
    this.ttl = config.CATALOG_CACHE_TTL_SECONDS;
  }

  /** The cache key part of a canonical list query. */
  static hashQuery(canonical: string): string {
    return createHash('sha1').update(canonical).digest('base64url');
  }

  /** A cached list page, or the generation to fill it under. */
  async getList(queryHash: string, popular: boolean): Promise<CacheRead> {
    const [generation, json] = await this.redis.catalogListGet(catalogKeys.listGeneration, catalogKeys.popularGeneration, catalogKeys.listPrefix, queryHash, popular ? '1' : '0');
    return { generation, json };
  }

  /** Stores a list page under the generation its reader saw; a page of an older generation is never read. */
  async fillList(generation: string, queryHash: string, json: string): Promise<void> {
    await this.redis.set(`${catalogKeys.listPrefix}${generation}:${queryHash}`, json, 'EX', this.ttl);
  }

  /** A cached item detail, or the generation to fill it under. */
  async getItem(id: string): Promise<CacheRead> {
    const [generation, json] = await this.redis.mget(catalogKeys.itemGeneration(id), catalogKeys.item(id));
    return { generation: generation ?? '0', json };
  }

  /** Stores an item detail unless it was invalidated since its reader saw the generation. */
  async fillItem(id: string, generation: string, json: string): Promise<void> {
    await this.redis.catalogItemFill(catalogKeys.itemGeneration(id), catalogKeys.item(id), generation, json, this.ttl);
  }

  /** Drops these items and every list page (called after the change that made them stale committed). */
  async invalidate(itemIds: string[]): Promise<void> {
    const tx = this.redis.multi();
    for (const id of itemIds) {
      tx.incr(catalogKeys.itemGeneration(id));
      tx.expire(catalogKeys.itemGeneration(id), Math.max(this.ttl * 2, 3600));
      tx.del(catalogKeys.item(id));
    }
    tx.incr(catalogKeys.listGeneration);
    const results = await tx.exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw new Error(`catalog cache invalidation failed: ${failed?.[0]?.message ?? 'transaction aborted'}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
