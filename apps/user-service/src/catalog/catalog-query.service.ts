import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Clock, CLOCK } from '@roastery/clock';
import type { CatalogItemDetailDto, CatalogItemSummaryDto, CatalogQuery, Grind, Page, PopularItemsDto, RoastLevel } from '@roastery/contracts';
import { badRequest, notFound } from '@roastery/http';
import { LOGGER, type Logger } from '@roastery/observability';
import type { DataSource } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { CatalogCache, type CacheRead } from './catalog-cache';
import { CatalogPopularity, popularityBucket } from './catalog-popularity';
import { bestStockStatus, canonicalListQuery, searchTerms, stockStatusOf } from './catalog.rules';
import { DETAIL_STATEMENT, type DetailRow, listStatement, type ListRow, rankingStatement, type SummaryRow } from './catalog-sql';

/** Where an answer came from, for the `x-cache` header. */
export type CacheOutcome = 'HIT' | 'MISS' | 'OFF';

/** A response body already serialised, so a cached one is sent without being parsed again. */
export interface CatalogJson {
  json: string;
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
    @InjectDataSource() private readonly ds: DataSource,
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
    if (!this.config.CATALOG_CACHE_ENABLED) return { json: await load(), cache: 'OFF' };
    const hash = CatalogCache.hashQuery(canonicalListQuery(q, week));
    return this.cached(
      () => this.cache.getList(hash, q.sort === 'popular'),
      load,
      (generation, json) => this.cache.fillList(generation, hash, json),
    );
  }

  /** An on-sale item with options, stock and the other roasters of its lot, as JSON (`CatalogItemDetailDto`). */
  async detail(id: string): Promise<CatalogJson> {
    if (!UUID.test(id)) throw notFound('catalog item');
    const key = id.toLowerCase();
    const load = () => this.loadDetail(key);
    if (!this.config.CATALOG_CACHE_ENABLED) return { json: await load(), cache: 'OFF' };
    return this.cached(
      () => this.cache.getItem(key),
      load,
      (generation, json) => this.cache.fillItem(key, generation, json),
    );
  }

  /** The day's or week's best sellers (Asia/Seoul); newest items with score 0 fill it up, also before any order. */
  async popular(q: { window: 'day' | 'week'; size: number }): Promise<PopularItemsDto> {
    const bucket = popularityBucket(q.window, this.clock.now());
    const ranking = await this.popularity.top(q.window, bucket, q.size + RANKING_SLACK);
    const { sql, params } = rankingStatement(ranking, q.size);
    const rows: (SummaryRow & { score: number })[] = await this.ds.query(sql, params);
    return { window: q.window, items: rows.map((r, i) => ({ ...this.summary(r), rank: i + 1, score: Number(r.score) })) };
  }

  /**
   * Cache-aside: a hit is returned as stored; a miss loads and fills under the generation read with
   * it. Redis trouble never fails a read: the answer then comes from PostgreSQL.
   */
  private async cached(read: () => Promise<CacheRead>, load: () => Promise<string>, fill: (generation: string, json: string) => Promise<void>): Promise<CatalogJson> {
    let found: CacheRead | null = null;
    try {
      found = await read();
    } catch (err) {
      this.logger.warn({ err: String(err) }, 'catalog cache unreadable; reading PostgreSQL');
    }
    if (found?.json) return { json: found.json, cache: 'HIT' };
    const json = await load();
    if (found) await fill(found.generation, json).catch((err) => this.logger.warn({ err: String(err) }, 'catalog cache fill failed'));
    return { json, cache: 'MISS' };
  }

  private async loadList(q: CatalogQuery, week: string | null): Promise<string> {
    const ranking = week ? await this.popularity.top('week', week, this.config.CATALOG_POPULAR_DEPTH) : null;
    const { sql, params } = listStatement(q, searchTerms(q.q), ranking);
    const rows: ListRow[] = await this.ds.query(sql, params);
    const items = rows.filter((r) => r.id).map((r) => this.summary(r as SummaryRow));
    const page: Page<CatalogItemSummaryDto> = { items, page: q.page, size: q.size, total: rows[0]?.total ?? 0 };
    return JSON.stringify(page);
  }

  private async loadDetail(id: string): Promise<string> {
    const [row]: DetailRow[] = await this.ds.query(DETAIL_STATEMENT, [id]);
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

  private summary(r: SummaryRow): CatalogItemSummaryDto {
    return {
      id: r.id,
      name: r.name,
      partner: { id: r.partner_id, name: r.partner_name },
      origin: { country: r.origin_country, region: r.origin_region },
      process: r.process,
      roastLevel: r.roast_level as RoastLevel | null,
      tastingNotes: r.tasting_notes,
      imageUrl: r.image_url,
      priceFrom: r.price_from ?? 0,
      // The best option decides, and the best option is the one with the most stock.
      stockStatus: stockStatusOf(r.max_stock, this.threshold),
      publishedAt: r.published_at.toISOString(),
    };
  }
}
