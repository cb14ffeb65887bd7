import { Injectable } from '@nestjs/common';
import { seoulDate } from '@roastery/clock';
import type { orderPaid, PayloadOf } from '@roastery/contracts';
import { InjectRedis } from '@roastery/persistence';
import type Redis from 'ioredis';
import { catalogKeys } from './catalog-cache';
import { isoWeekOf } from './catalog.rules';

type OrderPaid = PayloadOf<typeof orderPaid>;

const DAY_TTL_SECONDS = 3 * 86_400;
const WEEK_TTL_SECONDS = 15 * 86_400;
/** Longer than any retry or replay of a message could take, so a counted order is never counted again. */
const COUNTED_ORDER_TTL_SECONDS = 16 * 86_400;

// One atomic step: the per-order marker and the increments happen together or not at all, so an
// order whose database transaction rolls back after this ran is still counted exactly once.
const COUNT_ORDER = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
for i = 4, #ARGV, 2 do
  redis.call('ZINCRBY', KEYS[2], ARGV[i + 1], ARGV[i])
  redis.call('ZINCRBY', KEYS[3], ARGV[i + 1], ARGV[i])
end
redis.call('EXPIRE', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[3], ARGV[3])
redis.call('INCR', KEYS[4])
return 1`;

interface PopularityRedis extends Redis {
  catalogCountOrder(counted: string, day: string, week: string, generation: string, ...args: (string | number)[]): Promise<number>;
}

/** A ranking bucket: which sorted set a window reads at an instant. */
export function popularityBucket(window: 'day' | 'week', at: Date): string {
  const day = seoulDate(at);
  return window === 'day' ? day : isoWeekOf(day);
}

/**
 * Popularity rankings in Redis sorted sets, one per Seoul day and per ISO week, scored by units
 * paid. Redis holds nothing that cannot be rebuilt: the orders in PostgreSQL are the truth (ADR 0011).
 */
@Injectable()
export class CatalogPopularity {
  private readonly redis: PopularityRedis;

  constructor(@InjectRedis() redis: Redis) {
    if (!('catalogCountOrder' in redis)) redis.defineCommand('catalogCountOrder', { numberOfKeys: 4, lua: COUNT_ORDER });
    this.redis = redis as PopularityRedis;
  }

  /**
   * Counts a paid order's units into the day and week of its payment (Asia/Seoul). Idempotent per
   * order id: returns false when the order was counted before.
   */
  async recordOrder(order: OrderPaid): Promise<boolean> {
    const paidAt = new Date(order.paidAt);
    const units = new Map<string, number>();
    for (const line of order.lines) units.set(line.catalogItemId, (units.get(line.catalogItemId) ?? 0) + line.quantity);
    const counted = await this.redis.catalogCountOrder(
      catalogKeys.countedOrder(order.orderId),
      catalogKeys.popular('day', popularityBucket('day', paidAt)),
      catalogKeys.popular('week', popularityBucket('week', paidAt)),
      catalogKeys.popularGeneration,
      COUNTED_ORDER_TTL_SECONDS,
      DAY_TTL_SECONDS,
      WEEK_TTL_SECONDS,
      ...[...units].flatMap(([itemId, quantity]) => [itemId, quantity]),
    );
    return counted === 1;
  }

  /** The top `limit` items of a bucket with their scores, best first. */
  async top(window: 'day' | 'week', bucket: string, limit: number): Promise<{ ids: string[]; scores: number[] }> {
    const flat = await this.redis.zrevrange(catalogKeys.popular(window, bucket), 0, limit - 1, 'WITHSCORES');
    const ids: string[] = [];
    const scores: number[] = [];
    for (let i = 0; i < flat.length; i += 2) {
      ids.push(flat[i]);
      scores.push(Number(flat[i + 1]));
    }
    return { ids, scores };
  }
}
