import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partners read model, product reviews, admin's record of partner products and the catalog master. */
export class ProductReviewsAndCatalog1732300000000 implements MigrationInterface {
  name = 'ProductReviewsAndCatalog1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
        trusted boolean NOT NULL DEFAULT false,
        status_reason text,
        activated_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX partners_name ON partners (name, id)`);
    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL,
        state text NOT NULL CHECK (state IN ('OPEN', 'WITHDRAWN', 'MERGED')),
        latest_version integer NOT NULL,
        latest_submitted_at timestamptz,
        withdrawn_at timestamptz,
        merged_into uuid
      )`);
    await q.query(`CREATE INDEX products_partner ON products (partner_id)`);
    await q.query(`
      CREATE TABLE product_reviews (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL,
        version integer NOT NULL,
        partner_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'MERGED')),
        content jsonb NOT NULL,
        coffee_key text NOT NULL,
        findings jsonb NOT NULL DEFAULT '[]',
        diff jsonb NOT NULL DEFAULT '[]',
        auto_approved boolean NOT NULL DEFAULT false,
        reason text,
        merged_into uuid,
        submitted_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid,
        UNIQUE (product_id, version)
      )`);
    await q.query(`CREATE INDEX product_reviews_queue ON product_reviews (status, submitted_at, id)`);
    await q.query(`CREATE INDEX product_reviews_pending_coffee ON product_reviews (partner_id, coffee_key) WHERE status = 'PENDING'`);
    await q.query(`
      CREATE TABLE catalog_items (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL UNIQUE,
        partner_id uuid NOT NULL,
        product_version integer NOT NULL,
        item_version integer NOT NULL DEFAULT 0,
        content jsonb NOT NULL,
        lot_key text NOT NULL,
        coffee_key text NOT NULL,
        on_sale boolean NOT NULL,
        off_sale_reason text CHECK (off_sale_reason IN ('PRODUCT_WITHDRAWN', 'PARTNER_SUSPENDED', 'MERGED')),
        merge_history jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK (on_sale = (off_sale_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX catalog_items_partner ON catalog_items (partner_id, coffee_key)`);
    await q.query(`CREATE INDEX catalog_items_lot ON catalog_items (lot_key)`);
    await q.query(`CREATE INDEX catalog_items_updated ON catalog_items (updated_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog_items`);
    await q.query(`DROP TABLE product_reviews`);
    await q.query(`DROP TABLE products`);
    await q.query(`DROP TABLE partners`);
  }
}
