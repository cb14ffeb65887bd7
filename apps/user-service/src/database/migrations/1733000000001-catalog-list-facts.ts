import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a list page would otherwise compute per request (ADR 0011), kept by the catalog events
 * instead: each item's summary JSON (as lists serve it, without the stock status), the best stock
 * of its current options, and the number of on-sale items per browse facet (everything, each roast).
 */
export class CatalogListFacts1733000000001 implements MigrationInterface {
  name = 'CatalogListFacts1733000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE catalog_items ADD COLUMN max_stock integer, ADD COLUMN summary_json text NOT NULL DEFAULT ''`);
    await q.query(`
      UPDATE catalog_items SET summary_json = json_build_object('id', id, 'name', name,
        'partner', json_build_object('id', partner_id, 'name', partner_name),
        'origin', json_build_object('country', origin_country, 'region', origin_region),
        'process', process, 'roastLevel', roast_level, 'tastingNotes', tasting_notes, 'imageUrl', image_urls[1],
        'priceFrom', coalesce(price_from, 0), 'publishedAt', to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
      WHERE status = 'ON_SALE'`);
    await q.query(`UPDATE catalog_items i SET max_stock = (SELECT max(s.stock) FROM catalog_option_stock s WHERE s.option_id = ANY(i.option_ids))`);
    await q.query(`CREATE TABLE catalog_facet_counts (facet text PRIMARY KEY, items integer NOT NULL CHECK (items >= 0))`);
    await q.query(`
      INSERT INTO catalog_facet_counts (facet, items)
      SELECT 'all', count(*) FROM catalog_items WHERE status = 'ON_SALE'
      UNION ALL
      SELECT 'roast:' || coalesce(roast_level, 'none'), count(*) FROM catalog_items WHERE status = 'ON_SALE' GROUP BY roast_level`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog_facet_counts`);
    await q.query(`ALTER TABLE catalog_items DROP COLUMN max_stock, DROP COLUMN summary_json`);
  }
}
