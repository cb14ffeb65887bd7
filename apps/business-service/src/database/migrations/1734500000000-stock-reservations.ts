import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stock reservations of the order saga and the orders routed to partners (ADR 0014): options gain
 * `held` (available = stock − held), each order's reservation decision and lines, partner orders.
 */
export class StockReservations1734500000000 implements MigrationInterface {
  name = 'StockReservations1734500000000';

  async up(q: QueryRunner): Promise<void> {
    // stock stays "on hand"; held counts units reserved for orders awaiting payment.
    await q.query(`ALTER TABLE product_options ADD COLUMN held integer NOT NULL DEFAULT 0 CHECK (held >= 0), ADD CONSTRAINT product_options_held_on_hand CHECK (held <= stock)`);
    await q.query(`
      CREATE TABLE stock_orders (
        order_id uuid PRIMARY KEY,
        batch_id uuid,
        outcome text CHECK (outcome IN ('RESERVED', 'REFUSED')),
        reason text CHECK (reason IN ('OUT_OF_STOCK', 'UNKNOWN_OPTION', 'PRODUCT_UNAVAILABLE', 'ORDER_VOIDED')),
        refused_lines jsonb,
        state text NOT NULL CHECK (state IN ('HELD', 'COMMITTED', 'RELEASED', 'REFUSED', 'VOIDED')),
        decided_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((outcome = 'REFUSED') = (reason IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE stock_reservations (
        order_id uuid NOT NULL REFERENCES stock_orders(order_id),
        line_id uuid NOT NULL,
        option_id uuid NOT NULL REFERENCES product_options(id),
        product_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        status text NOT NULL CHECK (status IN ('HELD', 'COMMITTED', 'RELEASED')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (order_id, line_id)
      )`);
    await q.query(`CREATE INDEX stock_reservations_held_option ON stock_reservations (option_id) WHERE status = 'HELD'`);
    await q.query(`
      CREATE TABLE partner_orders (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        user_id uuid NOT NULL,
        subscription_id uuid,
        status text NOT NULL CHECK (status IN ('PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
        items_total_won integer NOT NULL CHECK (items_total_won >= 0),
        shipping_fee_won integer NOT NULL CHECK (shipping_fee_won >= 0),
        ship_to jsonb,
        stock_reserved boolean NOT NULL,
        paid_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (order_id, partner_id)
      )`);
    await q.query(`CREATE INDEX partner_orders_partner ON partner_orders (partner_id, paid_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE partner_order_lines (
        partner_order_id uuid NOT NULL REFERENCES partner_orders(id),
        line_no integer NOT NULL,
        line_id uuid,
        catalog_item_id uuid NOT NULL,
        product_id uuid NOT NULL,
        option_id uuid NOT NULL,
        product_name text NOT NULL,
        option_label text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_won integer NOT NULL CHECK (unit_price_won >= 0),
        PRIMARY KEY (partner_order_id, line_no)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partner_order_lines`);
    await q.query(`DROP TABLE partner_orders`);
    await q.query(`DROP TABLE stock_reservations`);
    await q.query(`DROP TABLE stock_orders`);
    await q.query(`ALTER TABLE product_options DROP CONSTRAINT product_options_held_on_hand, DROP COLUMN held`);
  }
}
