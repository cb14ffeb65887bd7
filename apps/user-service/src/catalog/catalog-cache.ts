import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRedis } from '@roastery/persistence';
import type Redis from 'ioredis';
import { CONFIG, type UserServiceConfig } from '../config';

/** Redis keys of the catalog (under the service's REDIS_PREFIX, which the client adds). */
export const catalogKeys = {
  item: (id: string) => `catalog:item:${id}`,
  itemGeneration: (id: string) => `catalog:item-gen:${id}`,
  list: (queryHash: string) => `catalog:list:${queryHash}`,
  listGeneration: 'catalog:list-gen',
  /** Bumped by every counted order, so pages sorted by popularity are recomputed. */
  popularGeneration: 'catalog:popular-gen',
  popular: (window: 'day' | 'week', bucket: string) => `catalog:popular:${window}:${bucket}`,
  countedOrder: (orderId: string) => `catalog:popular:order:${orderId}`,
} as const;

/** What a cache read found: the cached JSON (bytes as stored), or the generation a fill must carry. */
export interface CacheRead {
  json: Buffer | null;
  generation: string;
}

const SEPARATOR = 0x0a; // '\n': never part of a generation, which is digits and dots

/**
 * Cache-aside storage for catalog JSON (ADR 0011). Every entry is stored as
 * `<generation>\n<json>` and is a hit only while its generation is the current one;
 * CatalogCacheInvalidator bumps generations after a catalog change commits. An entry filled from
 * a row read before the commit carries the older generation, so it is never served after it.
 * A read is one MGET (generation and entry together); a hit is sent as the stored bytes.
 */
@Injectable()
export class CatalogCache implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly ttl: number;

  constructor(@InjectRedis() shared: Redis, @Inject(CONFIG) config: UserServiceConfig) {
    // Its own connection with auto-pipelining: concurrent requests' reads share round trips.
    this.redis = shared.duplicate({ enableAutoPipelining: true });
    // Connection errors surface in the commands that fail (a read then falls back to PostgreSQL);
    // without a listener ioredis would print every reconnect attempt to stderr.
    this.redis.on('error', () => undefined);
    this.ttl = config.CATALOG_CACHE_TTL_SECONDS;
  }

  /** The cache key part of a canonical list query. */
  static hashQuery(canonical: string): string {
    return createHash('sha1').update(canonical).digest('base64url');
  }

  /** A cached list page of the current list (and, for popularity order, popularity) generation. */
  async getList(queryHash: string, popular: boolean): Promise<CacheRead> {
    const [list, pop, entry] = await this.redis.mgetBuffer(catalogKeys.listGeneration, catalogKeys.popularGeneration, catalogKeys.list(queryHash));
    const generation = popular ? `${list ?? '0'}.${pop ?? '0'}` : `${list ?? '0'}`;
    return { generation, json: current(entry, generation) };
  }

  /** Stores a list page tagged with the generation its reader saw. */
  async fillList(queryHash: string, generation: string, json: string): Promise<void> {
    await this.redis.set(catalogKeys.list(queryHash), `${generation}\n${json}`, 'EX', this.ttl);
  }

  /** A cached item detail of the item's current generation. */
  async getItem(id: string): Promise<CacheRead> {
    const [gen, entry] = await this.redis.mgetBuffer(catalogKeys.itemGeneration(id), catalogKeys.item(id));
    const generation = `${gen ?? '0'}`;
    return { generation, json: current(entry, generation) };
  }

  /** Stores an item detail tagged with the generation its reader saw. */
  async fillItem(id: string, generation: string, json: string): Promise<void> {
    await this.redis.set(catalogKeys.item(id), `${generation}\n${json}`, 'EX', this.ttl);
  }

  /** Makes these items and every list page stale (called after the change that made them so committed). */
  async invalidate(itemIds: string[]): Promise<void> {
    const tx = this.redis.multi();
    for (const id of itemIds) {
      tx.incr(catalogKeys.itemGeneration(id));
      tx.expire(catalogKeys.itemGeneration(id), Math.max(this.ttl * 2, 3600));
      tx.del(catalogKeys.item(id)); // not needed for correctness; frees the memory now
    }
    tx.incr(catalogKeys.listGeneration);
    const results = await tx.exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw new Error(`catalog cache invalidation failed: ${failed?.[0]?.message ?? 'transaction aborted'}`);
  }

  async onModuleDestroy(): Promise<void> {
    // A cache client has nothing worth flushing; disconnect() also stops reconnecting to an unreachable Redis.
    this.redis.disconnect();
  }
}

/** The JSON of an entry stored under `generation`, or null when it is missing or of another generation. */
function current(entry: Buffer | null, generation: string): Buffer | null {
  if (!entry) return null;
  const end = entry.indexOf(SEPARATOR);
  if (end !== generation.length || entry.toString('latin1', 0, end) !== generation) return null;
  return entry.subarray(end + 1);
}
