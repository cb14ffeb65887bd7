import { Inject, Injectable } from '@nestjs/common';
import type { catalogItemPublished, catalogItemWithdrawn, PayloadOf, productStockChanged } from '@roastery/contracts';
import { advisoryKey } from '@roastery/scheduler';
import type { EntityManager } from 'typeorm';
import { CONFIG, type UserServiceConfig } from '../config';
import { buildSearchText, type FacetState, facetDeltas, isNewerItemVersion, isNewerStockVersion, stockStatusOf, summaryDocument } from './catalog.rules';

type Published = PayloadOf<typeof catalogItemPublished>;
type Withdrawn = PayloadOf<typeof catalogItemWithdrawn>;
type StockChanged = PayloadOf<typeof productStockChanged>;

/**
 * Applies catalog and stock events to the read model. Each method runs inside the consumer's inbox
 * transaction, serialises per item (or option) with an advisory lock, ignores stale and duplicate
 * versions, and records which cached items the change made stale (see CatalogCacheInvalidator).
 */
@Injectable()
export class CatalogReadModelService {
  constructor(@Inject(CONFIG) private readonly config: UserServiceConfig) {}

  /**
   * A version of an item is on sale: replaces an older version, brings a withdrawn item back. Also
   * locks its options, so a stock change of one of them waits and then sees this version (max_stock).
   */
  async applyPublished(em: EntityManager, messageId: string, p: Published): Promise<void> {
    await lock(em, [`catalog-item:${p.catalogItemId}`, ...p.content.options.map((o) => `catalog-option:${o.id}`)]);
    const [current] = await em.query(`SELECT item_version, lot_key, status, roast_level FROM catalog_items WHERE id = $1`, [p.catalogItemId]);
    if (!isNewerItemVersion(current ? Number(current.item_version) : null, p.itemVersion)) return this.recordStale(em, messageId, []);
    const c = p.content;
    const prices = c.options.map((o) => o.priceWon);
    const searchText = buildSearchText({ ...c, partnerName: p.partner.name });
    await em.query(
      `INSERT INTO catalog_items (id, item_version, status, product_id, product_version, partner_id, partner_name, name, origin_country,
         origin_region, producer, lot, variety, process, roast_level, tasting_notes, description, image_urls, options, option_ids,
         price_from, lot_key, search_text, published_at, withdrawn_at, withdrawn_reason, updated_at, summary_json, max_stock)
       VALUES ($1, $2, 'ON_SALE', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, NULL, NULL, now(),
         $24, (SELECT max(s.stock) FROM catalog_option_stock s WHERE s.option_id = ANY($19::uuid[])))
       ON CONFLICT (id) DO UPDATE SET item_version = EXCLUDED.item_version, status = 'ON_SALE', product_id = EXCLUDED.product_id,
         product_version = EXCLUDED.product_version, partner_id = EXCLUDED.partner_id, partner_name = EXCLUDED.partner_name,
         name = EXCLUDED.name, origin_country = EXCLUDED.origin_country, origin_region = EXCLUDED.origin_region,
         producer = EXCLUDED.producer, lot = EXCLUDED.lot, variety = EXCLUDED.variety, process = EXCLUDED.process,
         roast_level = EXCLUDED.roast_level, tasting_notes = EXCLUDED.tasting_notes, description = EXCLUDED.description,
         image_urls = EXCLUDED.image_urls, options = EXCLUDED.options, option_ids = EXCLUDED.option_ids,
         price_from = EXCLUDED.price_from, lot_key = EXCLUDED.lot_key, search_text = EXCLUDED.search_text,
         published_at = EXCLUDED.published_at, withdrawn_at = NULL, withdrawn_reason = NULL, updated_at = now(),
         summary_json = EXCLUDED.summary_json, max_stock = EXCLUDED.max_stock`,
      [
        p.catalogItemId,
        p.itemVersion,
        p.productId,
        p.productVersion,
        p.partner.id,
        p.partner.name,
        c.name,
        c.origin.country,
        c.origin.region,
        c.producer,
        c.lot,
        c.variety,
        c.process,
        c.roastLevel,
        c.tastingNotes,
        c.description,
        c.imageUrls,
        JSON.stringify(c.options.map(({ id, weightGrams, grind, priceWon }) => ({ id, weightGrams, grind, priceWon }))),
        c.options.map((o) => o.id),
        prices.length > 0 ? Math.min(...prices) : null,
        p.lotKey,
        searchText,
        p.publishedAt,
        JSON.stringify(summaryDocument({ id: p.catalogItemId, partner: p.partner, content: c, publishedAt: p.publishedAt })),
      ],
    );
    await this.countFacets(em, facetStateOf(current), { onSale: true, roast: c.roastLevel });
    // Items of the old and the new lot show this one under "also roasted by".
    const peers = await this.lotPeers(em, p.catalogItemId, [p.lotKey, current?.lot_key ?? '']);
    await this.recordStale(em, messageId, [p.catalogItemId, ...peers]);
  }

  /** An item went off sale. Remembered even when never seen, so an older publish arriving later stays a no-op. */
  async applyWithdrawn(em: EntityManager, messageId: string, p: Withdrawn): Promise<void> {
    await lock(em, [`catalog-item:${p.catalogItemId}`]);
    const [current] = await em.query(`SELECT item_version, lot_key, status, roast_level FROM catalog_items WHERE id = $1`, [p.catalogItemId]);
    if (!isNewerItemVersion(current ? Number(current.item_version) : null, p.itemVersion)) return this.recordStale(em, messageId, []);
    await em.query(
      `INSERT INTO catalog_items (id, item_version, status, product_id, withdrawn_at, withdrawn_reason)
       VALUES ($1, $2, 'WITHDRAWN', $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET item_version = EXCLUDED.item_version, status = 'WITHDRAWN',
         withdrawn_at = EXCLUDED.withdrawn_at, withdrawn_reason = EXCLUDED.withdrawn_reason, updated_at = now()`,
      [p.catalogItemId, p.itemVersion, p.productId, p.withdrawnAt, p.reason],
    );
    await this.countFacets(em, facetStateOf(current), { onSale: false, roast: current?.roast_level ?? null });
    const peers = current ? await this.lotPeers(em, p.catalogItemId, [current.lot_key]) : [];
    await this.recordStale(em, messageId, [p.catalogItemId, ...peers]);
  }

  /**
   * An option's stock changed. Stored whether or not an item shows the option yet; cached items
   * showing it are stale only when the option's status (in stock / low / sold out) changed.
   */
  async applyStockChanged(em: EntityManager, messageId: string, p: StockChanged): Promise<void> {
    await lock(em, [`catalog-option:${p.optionId}`]);
    const [current] = await em.query(`SELECT stock, stock_version FROM catalog_option_stock WHERE option_id = $1`, [p.optionId]);
    if (!isNewerStockVersion(current ? Number(current.stock_version) : null, p.stockVersion)) return this.recordStale(em, messageId, []);
    await em.query(
      `INSERT INTO catalog_option_stock (option_id, product_id, stock, stock_version, changed_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (option_id) DO UPDATE SET product_id = EXCLUDED.product_id, stock = EXCLUDED.stock,
         stock_version = EXCLUDED.stock_version, changed_at = EXCLUDED.changed_at`,
      [p.optionId, p.productId, p.stock, p.stockVersion, p.changedAt],
    );
    // Lock the items showing the option before reading the stock of their other options: a
    // concurrent change of another option then commits first, and this statement sees it.
    const rows: { id: string }[] = await em.query(`SELECT id FROM catalog_items WHERE option_ids @> ARRAY[$1]::uuid[] ORDER BY id FOR UPDATE`, [p.optionId]);
    const ids = rows.map((r) => r.id);
    if (ids.length > 0) {
      await em.query(
        `UPDATE catalog_items i SET max_stock = (SELECT max(s.stock) FROM catalog_option_stock s WHERE s.option_id = ANY(i.option_ids)) WHERE i.id = ANY($1::uuid[])`,
        [ids],
      );
    }
    const threshold = this.config.CATALOG_LOW_STOCK_THRESHOLD;
    const statusChanged = stockStatusOf(current ? Number(current.stock) : null, threshold) !== stockStatusOf(p.stock, threshold);
    await this.recordStale(em, messageId, statusChanged ? ids : []);
  }

  /** Moves the item between browse facet counts (keys in one order, so concurrent writers never deadlock). */
  private async countFacets(em: EntityManager, before: FacetState | null, after: FacetState): Promise<void> {
    for (const [facet, delta] of facetDeltas(before, after)) {
      // A facet an item leaves has counted it, so its row exists (and the CHECK catches a miscount).
      if (delta < 0) await em.query(`UPDATE catalog_facet_counts SET items = items + $2 WHERE facet = $1`, [facet, delta]);
      else await em.query(`INSERT INTO catalog_facet_counts (facet, items) VALUES ($1, $2) ON CONFLICT (facet) DO UPDATE SET items = catalog_facet_counts.items + $2`, [facet, delta]);
    }
  }

  /** On-sale items of other roasters sharing one of these lot keys. */
  private async lotPeers(em: EntityManager, itemId: string, lotKeys: string[]): Promise<string[]> {
    const keys = [...new Set(lotKeys.filter((k) => k !== ''))];
    if (keys.length === 0) return [];
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM catalog_items WHERE status = 'ON_SALE' AND lot_key <> '' AND lot_key = ANY($1::text[]) AND id <> $2`,
      [keys, itemId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Records, with the change, which cached items it made stale. The row exists even for a no-op, so
   * the invalidating handler can tell "committed, nothing to clear" from "not committed yet".
   */
  private async recordStale(em: EntityManager, messageId: string, itemIds: string[]): Promise<void> {
    await em.query(`INSERT INTO catalog_cache_invalidations (message_id, item_ids) VALUES ($1, $2::uuid[]) ON CONFLICT (message_id) DO NOTHING`, [
      messageId,
      [...new Set(itemIds)],
    ]);
  }
}

function facetStateOf(row: { status: string; roast_level: FacetState['roast'] } | undefined): FacetState | null {
  return row ? { onSale: row.status === 'ON_SALE', roast: row.roast_level } : null;
}

/**
 * Serialises changes of these items and options across consumers and instances until the
 * transaction ends. Keys are taken in one global order, so two writers never wait on each other.
 */
async function lock(em: EntityManager, names: string[]): Promise<void> {
  const keys = [...new Set(names.map((n) => advisoryKey(n)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  for (const key of keys) await em.query(`SELECT pg_advisory_xact_lock($1)`, [key]);
}
