import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner products, their versions and their options (stock), plus partner status ordering. */
export class PartnerProducts1733000000000 implements MigrationInterface {
  name = 'PartnerProducts1733000000000';

  async up(q: QueryRunner): Promise<void> {
    // Suspension events are ordered by the admin's timestamp; the last one applied is kept here.
    await q.query(`ALTER TABLE partners ADD COLUMN status_changed_at timestamptz, ADD COLUMN status_reason text`);
    await q.query(`
      CREATE TABLE products (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES partners(id),
        status text NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'MERGED')),
        latest_version integer NOT NULL CHECK (latest_version >= 1),
        on_sale_version integer CHECK (on_sale_version BETWEEN 1 AND latest_version),
        catalog_item_id uuid UNIQUE,
        merged_into_product_id uuid REFERENCES products(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        closed_at timestamptz,
        revision integer NOT NULL DEFAULT 1,
        CHECK ((status = 'MERGED') = (merged_into_product_id IS NOT NULL)),
        CHECK ((status IN ('WITHDRAWN', 'MERGED')) = (closed_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX products_partner ON products (partner_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE product_versions (
        product_id uuid NOT NULL REFERENCES products(id),
        version integer NOT NULL CHECK (version >= 1),
        status text NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'SUPERSEDED')),
        content jsonb NOT NULL,
        options jsonb NOT NULL,
        rejection_reason text,
        reviewer_id uuid,
        submitted_at timestamptz,
        decided_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (product_id, version)
      )`);
    // At most one approved version per product: the one on sale.
    await q.query(`CREATE UNIQUE INDEX product_versions_one_approved ON product_versions (product_id) WHERE status = 'APPROVED'`);
    await q.query(`
      CREATE TABLE product_options (
        id uuid PRIMARY KEY,
        product_id uuid NOT NULL REFERENCES products(id),
        weight_grams integer NOT NULL CHECK (weight_grams > 0),
        grind text NOT NULL CHECK (grind IN ('WHOLE_BEAN', 'ESPRESSO', 'FILTER')),
        stock integer NOT NULL CHECK (stock >= 0),
        stock_version integer NOT NULL CHECK (stock_version >= 1),
        retired_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX product_options_product ON product_options (product_id)`);
    // One live option per weight and grind: what a subscription's option id means stays unambiguous.
    await q.query(`CREATE UNIQUE INDEX product_options_live_identity ON product_options (product_id, weight_grams, grind) WHERE retired_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product_options`);
    await q.query(`DROP TABLE product_versions`);
    await q.query(`DROP TABLE products`);
    await q.query(`ALTER TABLE partners DROP COLUMN status_changed_at, DROP COLUMN status_reason`);
  }
}
