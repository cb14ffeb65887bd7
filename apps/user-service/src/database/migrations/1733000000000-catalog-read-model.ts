import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The subscriber catalog read model (issue 3, ADR 0011): items as the latest catalog event left
 * them, option stock as the latest stock event left it, and the post-commit cache invalidations.
 */
export class CatalogReadModel1733000000000 implements MigrationInterface {
  name = 'CatalogReadModel1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // A withdrawal of an item never seen leaves a WITHDRAWN row with empty content: it remembers
    // the version, so the older publish arriving later stays a no-op.
    await q.query(`
      CREATE TABLE catalog_items (
        id uuid PRIMARY KEY,
        item_version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('ON_SALE', 'WITHDRAWN')),
        product_id uuid,
        product_version integer,
        partner_id uuid,
        partner_name text NOT NULL DEFAULT '',
        name text NOT NULL DEFAULT '',
        origin_country text NOT NULL DEFAULT '',
        origin_region text NOT NULL DEFAULT '',
        producer text NOT NULL DEFAULT '',
        lot text NOT NULL DEFAULT '',
        variety text NOT NULL DEFAULT '',
        process text NOT NULL DEFAULT '',
        roast_level text,
        tasting_notes text[] NOT NULL DEFAULT '{}',
        description text NOT NULL DEFAULT '',
        image_urls text[] NOT NULL DEFAULT '{}',
        options jsonb NOT NULL DEFAULT '[]',
        option_ids uuid[] NOT NULL DEFAULT '{}',
        price_from integer,
        lot_key text NOT NULL DEFAULT '',
        search_text text NOT NULL DEFAULT '',
        published_at timestamptz,
        withdrawn_at timestamptz,
        withdrawn_reason text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Listing orders and filters, only over what is on sale.
    await q.query(`CREATE INDEX catalog_items_new ON catalog_items (published_at DESC, id DESC) WHERE status = 'ON_SALE'`);
    await q.query(`CREATE INDEX catalog_items_roast_new ON catalog_items (roast_level, published_at DESC, id DESC) WHERE status = 'ON_SALE'`);
    await q.query(`CREATE INDEX catalog_items_price ON catalog_items (price_from, published_at DESC, id DESC) WHERE status = 'ON_SALE'`);
    await q.query(`CREATE INDEX catalog_items_price_desc ON catalog_items (price_from DESC NULLS LAST, published_at DESC, id DESC) WHERE status = 'ON_SALE'`);
    await q.query(`CREATE INDEX catalog_items_origin ON catalog_items (lower(origin_country)) WHERE status = 'ON_SALE'`);
    await q.query(`CREATE INDEX catalog_items_region ON catalog_items (lower(origin_region)) WHERE status = 'ON_SALE'`);
    await q.query(`CREATE INDEX catalog_items_lot ON catalog_items (lot_key) WHERE status = 'ON_SALE' AND lot_key <> ''`);
    // Which items show an option whose stock changed.
    await q.query(`CREATE INDEX catalog_items_option_ids ON catalog_items USING gin (option_ids)`);
    // Korean and English substring search: trigrams work for any script (no language parser needed).
    await q.query(`CREATE INDEX catalog_items_search ON catalog_items USING gin (search_text gin_trgm_ops)`);

    // Stock may arrive before the item is published: kept per option, whoever shows it.
    await q.query(`
      CREATE TABLE catalog_option_stock (
        option_id uuid PRIMARY KEY,
        product_id uuid NOT NULL,
        stock integer NOT NULL CHECK (stock >= 0),
        stock_version integer NOT NULL,
        changed_at timestamptz NOT NULL
      )`);

    // Written with each catalog change, consumed by the handler that invalidates Redis after commit.
    await q.query(`
      CREATE TABLE catalog_cache_invalidations (
        message_id uuid PRIMARY KEY,
        item_ids uuid[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog_cache_invalidations`);
    await q.query(`DROP TABLE catalog_option_stock`);
    await q.query(`DROP TABLE catalog_items`);
  }
}
