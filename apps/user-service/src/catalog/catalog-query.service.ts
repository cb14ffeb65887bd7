import { Inject, Injectable } from '@nestjs/common';
import { type Clock, CLOCK } from '@roastery/clock';
import type { CatalogItemDetailDto, CatalogQuery, Grind, RoastLevel } from '@roastery/contracts';
import { badRequest, notFound } from '@roastery/http';
import { LOGGER, type Logger } from '@roastery/observability';
import { CONFIG, type UserServiceConfig } from '../config';
import { CatalogCache, type CacheRead } from './catalog-cache';
import { CatalogPopularity, popularityBucket } from './catalog-popularity';
import { CatalogReader } from './catalog-reader';
import { bestStockStatus, canonicalListQuery, searchTerms, stockStatusOf } from './catalog.rules';
import { detailStatement, type DetailRow, listStatement, type ListRow, type Ranking, rankingStatement } from './catalog-sql';

/** Where an answer came from, for the `x-cache` header. */
export type CacheOutcome = 'HIT' | 'MISS' | 'OFF';

/** A response body already serialised; a cached one is the bytes Redis returned, sent as they are. */
export interface CatalogJson {
  json: string | Buffer;
  cache: CacheOutcome;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Extra ranked ids fetched beyond the page, so withdrawn items in a ranking do not leave it short. */
const RANKING_SLACK = 20;

/**
 * Browsing the catalog: list pages, item detail and popularity rankings, read from PostgreSQL with
 * a constant number of statements per request and cached in Redis (cache-aside, ADR 0011).
 */
@Injectable()
export class CatalogQueryService {
  private readonly threshold: number;

  constructor(
    private readonly db: CatalogReader,
    private readonly cache: CatalogCache,
    private readonly popularity: CatalogPopularity,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: UserServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.threshold = config.CATALOG_LOW_STOCK_THRESHOLD;
  }

  /** A page of on-sale items matching the query, as JSON (`Page<CatalogItemSummaryDto>`). */
  async list(q: CatalogQuery): Promise<CatalogJson> {
    if (q.minPrice !== undefined && q.maxPrice !== undefined && q.minPrice > q.maxPrice) {
      throw badRequest('request is invalid', [{ path: 'minPrice', message: 'must not exceed maxPrice' }]);
    }
    // sort=popular ranks by this ISO week (Asia/Seoul), so a new week gets its own cached pages.
    const week = q.sort === 'popular' ? popularityBucket('week', this.clock.now()) : null;
    const load = () => this.loadList(q, week);
    if (!this.config.CATALOG_CACHE_ENABLED) return { json: (await load()).json, cache: 'OFF' };
    const hash = CatalogCache.hashQuery(canonicalListQuery(q, week));
    return this.cached(
      () => this.cache.getList(hash, q.sort === 'popular'),
      load,
      (generation, json) => this.cache.fillList(hash, generation, json),
    );
  }

  /** An on-sale item with options, stock and the other roasters of its lot, as JSON (`CatalogItemDetailDto`). */
  async detail(id: string): Promise<CatalogJson> {
    if (!UUID.test(id)) throw notFound('catalog item');
    const key = id.toLowerCase();
    const load = async () => ({ json: await this.loadDetail(key), cacheable: true });
    if (!this.config.CATALOG_CACHE_ENABLED) return { json: (await load()).json, cache: 'OFF' };
    return this.cached(
      () => this.cache.getItem(key),
      load,
      (generation, json) => this.cache.fillItem(key, generation, json),
    );
  }

  /**
   * The day's or week's best sellers (Asia/Seoul) as JSON (`PopularItemsDto`); newest items with
   * score 0 fill it up, also before any order.
   */
  async popular(q: { window: 'day' | 'week'; size: number }): Promise<CatalogJson> {
    const bucket = popularityBucket(q.window, this.clock.now());
    const { ranking } = await this.ranking(q.window, bucket, q.size + RANKING_SLACK);
    const [row] = await this.db.query<{ items: string }>(rankingStatement(ranking, q.size, this.threshold));
    return { json: `{"window":${JSON.stringify(q.window)},"items":${row.items}}`, cache: 'OFF' };
  }

  /**
   * Cache-aside: a hit is returned as stored; a miss loads and fills under the generation read with
   * it. Redis trouble never fails a read: the answer then comes from PostgreSQL (and is not stored).
   */
  private async cached(
    read: () => Promise<CacheRead>,
    load: () => Promise<{ json: string; cacheable: boolean }>,
    fill: (generation: string, json: string) => Promise<void>,
  ): Promise<CatalogJson> {
    let found: CacheRead | null = null;
    try {
      found = await read();
    } catch (err) {
      this.logger.warn({ err: String(err) }, 'catalog cache unreadable; reading PostgreSQL');
    }
    if (found?.json) return { json: found.json, cache: 'HIT' };
    const { json, cacheable } = await load();
    if (found && cacheable) await fill(found.generation, json).catch((err) => this.logger.warn({ err: String(err) }, 'catalog cache fill failed'));
    return { json, cache: 'MISS' };
  }

  /** A page as JSON; not cacheable when popularity order had to do without its ranking. */
  private async loadList(q: CatalogQuery, week: string | null): Promise<{ json: string; cacheable: boolean }> {
    const { ranking, complete } = week ? await this.ranking('week', week, this.config.CATALOG_POPULAR_DEPTH) : { ranking: null, complete: true };
    const [row] = await this.db.query<ListRow>(listStatement(q, searchTerms(q.q), ranking, this.threshold));
    // Page<CatalogItemSummaryDto>, with the items already serialised by PostgreSQL.
    return { json: `{"items":${row.items},"page":${q.page},"size":${q.size},"total":${row.total}}`, cacheable: complete };
  }

  /** The top of a ranking; without Redis, an empty one (every item scores 0, newest first) rather than an error. */
  private async ranking(window: 'day' | 'week', bucket: string, limit: number): Promise<{ ranking: Ranking; complete: boolean }> {
    try {
      return { ranking: await this.popularity.top(window, bucket, limit), complete: true };
    } catch (err) {
      this.logger.warn({ err: String(err) }, 'popularity ranking unreadable; ordering by newest');
      return { ranking: { ids: [], scores: [] }, complete: false };
    }
  }

  private async loadDetail(id: string): Promise<string> {
    const [row] = await this.db.query<DetailRow>(detailStatement(id));
    if (!row) throw notFound('catalog item');
    const options = row.options.map((o) => ({
      id: o.id,
      weightGrams: o.weightGrams,
      grind: o.grind as Grind,
      priceWon: o.priceWon,
      stockStatus: stockStatusOf(row.stocks[o.id], this.threshold),
    }));
    const dto: CatalogItemDetailDto = {
      id: row.id,
      version: row.item_version,
      name: row.name,
      partner: { id: row.partner_id, name: row.partner_name },
      origin: { country: row.origin_country, region: row.origin_region },
      producer: row.producer,
      lot: row.lot,
      variety: row.variety,
      process: row.process,
      roastLevel: row.roast_level as RoastLevel | null,
      tastingNotes: row.tasting_notes,
      description: row.description,
      imageUrl: row.image_urls[0] ?? null,
      imageUrls: row.image_urls,
      priceFrom: row.price_from ?? 0,
      stockStatus: bestStockStatus(options.map((o) => o.stockStatus)),
      publishedAt: row.published_at.toISOString(),
      options,
      alsoRoastedBy: row.also.map((a) => ({ id: a.id, name: a.name, partner: { id: a.partnerId, name: a.partnerName } })),
    };
    return JSON.stringify(dto);
  }
}
