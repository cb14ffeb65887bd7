import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fulfilment (issue 6, ADR 0018): partner orders gain the states after payment (returns), a
 * version, the shipment, the timestamps of each step, the cancellation and return requests, the
 * purchase confirmation and the ship-to anonymisation; partner refunds are recorded per partner order.
 */
export class Fulfilment1735000000000 implements MigrationInterface {
  name = 'Fulfilment1735000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partner_orders DROP CONSTRAINT partner_orders_status_check`);
    await q.query(`
      ALTER TABLE partner_orders
        ADD CONSTRAINT partner_orders_status_check CHECK (status IN ('PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURN_REQUESTED', 'RETURNED')),
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN carrier text CHECK (char_length(carrier) <= 40),
        ADD COLUMN tracking_number text CHECK (char_length(tracking_number) <= 60),
        ADD COLUMN prepared_at timestamptz,
        ADD COLUMN shipped_at timestamptz,
        ADD COLUMN delivered_at timestamptz,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancel_request_id uuid,
        ADD COLUMN return_requested_at timestamptz,
        ADD COLUMN return_request_id uuid,
        ADD COLUMN return_reason text,
        ADD COLUMN returned_at timestamptz,
        ADD COLUMN confirmed_at timestamptz,
        ADD COLUMN anonymise_pending boolean NOT NULL DEFAULT false,
        ADD COLUMN anonymised_at timestamptz,
        ADD CONSTRAINT partner_orders_shipment CHECK ((status IN ('SHIPPED', 'DELIVERED', 'RETURN_REQUESTED', 'RETURNED')) = (tracking_number IS NOT NULL))`);
    await q.query(`CREATE INDEX partner_orders_by_order ON partner_orders (order_id, id)`);
    await q.query(`CREATE INDEX partner_orders_by_user ON partner_orders (user_id)`);
    // The fulfilment queue reads only the partner's unshipped orders.
    await q.query(`CREATE INDEX partner_orders_queue ON partner_orders (partner_id, paid_at, id) WHERE status IN ('PAID', 'PREPARING')`);
    await q.query(`
      CREATE TABLE partner_refunds (
        refund_id uuid NOT NULL,
        partner_order_id uuid NOT NULL REFERENCES partner_orders(id),
        order_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        requested_by_role text NOT NULL CHECK (requested_by_role IN ('ADMIN', 'PARTNER', 'SUBSCRIBER', 'SYSTEM')),
        requested_by_user_id uuid,
        amount_won integer CHECK (amount_won > 0),
        refunded_won integer CHECK (refunded_won >= 0),
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'COMPLETED', 'REFUSED')),
        refused_code text,
        refused_message text,
        idempotency_key text,
        requested_at timestamptz NOT NULL,
        decided_at timestamptz,
        PRIMARY KEY (refund_id, partner_order_id),
        CHECK ((status = 'COMPLETED') = (refunded_won IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX partner_refunds_order ON partner_refunds (partner_order_id, requested_at)`);
    await q.query(`CREATE UNIQUE INDEX partner_refunds_idempotency ON partner_refunds (requested_by_user_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partner_refunds`);
    await q.query(`DROP INDEX partner_orders_queue`);
    await q.query(`DROP INDEX partner_orders_by_user`);
    await q.query(`DROP INDEX partner_orders_by_order`);
    await q.query(`UPDATE partner_orders SET status = 'DELIVERED' WHERE status IN ('RETURN_REQUESTED', 'RETURNED')`);
    await q.query(`
      ALTER TABLE partner_orders
        DROP CONSTRAINT partner_orders_shipment,
        DROP CONSTRAINT partner_orders_status_check,
        ADD CONSTRAINT partner_orders_status_check CHECK (status IN ('PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
        DROP COLUMN version, DROP COLUMN carrier, DROP COLUMN tracking_number, DROP COLUMN prepared_at, DROP COLUMN shipped_at,
        DROP COLUMN delivered_at, DROP COLUMN cancelled_at, DROP COLUMN cancel_request_id, DROP COLUMN return_requested_at,
        DROP COLUMN return_request_id, DROP COLUMN return_reason, DROP COLUMN returned_at, DROP COLUMN confirmed_at,
        DROP COLUMN anonymise_pending, DROP COLUMN anonymised_at`);
  }
}
