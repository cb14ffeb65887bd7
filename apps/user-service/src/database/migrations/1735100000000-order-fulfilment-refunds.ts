import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After payment (issue 6): the fulfilment mirror per partner order, cancellation and return
 * requests, purchase confirmation, and refunds with their per-payment queue. The ledger gains a
 * unique refund id, so a refund can never be recorded twice.
 */
export class OrderFulfilmentRefunds1735100000000 implements MigrationInterface {
  name = 'OrderFulfilmentRefunds1735100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE orders
        ADD COLUMN fulfilment_status text,
        ADD COLUMN delivered_at timestamptz,
        ADD COLUMN confirmed_at timestamptz,
        ADD COLUMN confirmed_automatically boolean NOT NULL DEFAULT false,
        ADD COLUMN cancelled_at timestamptz`);
    // The automatic purchase confirmation looks only at delivered, open orders.
    await q.query(`CREATE INDEX orders_auto_confirm ON orders (delivered_at) WHERE fulfilment_status = 'DELIVERED' AND confirmed_at IS NULL AND cancelled_at IS NULL`);

    // One row per partner order, as business-service last reported it (newest version wins).
    await q.query(`
      CREATE TABLE order_fulfilments (
        partner_order_id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id),
        partner_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURN_REQUESTED', 'RETURNED')),
        version integer NOT NULL CHECK (version > 0),
        carrier text,
        tracking_number text,
        changed_at timestamptz NOT NULL,
        shipped_at timestamptz,
        delivered_at timestamptz
      )`);
    await q.query(`CREATE INDEX order_fulfilments_order ON order_fulfilments (order_id)`);

    await q.query(`
      CREATE TABLE order_requests (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id),
        kind text NOT NULL CHECK (kind IN ('CANCEL', 'RETURN')),
        status text NOT NULL CHECK (status IN ('OPEN', 'CANCELLED', 'REFUSED', 'RETURNED')),
        reason text NOT NULL,
        decision_reason text,
        requested_at timestamptz NOT NULL,
        decided_at timestamptz
      )`);
    // At most one open cancellation and one open return per order.
    await q.query(`CREATE UNIQUE INDEX order_requests_one_open ON order_requests (order_id, kind) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX order_requests_order ON order_requests (order_id, requested_at)`);

    // The per-payment refund queue: one worker at a time (lease), Toss cancels spaced out (last_sent_at).
    await q.query(`
      CREATE TABLE refund_queues (
        order_id uuid PRIMARY KEY REFERENCES orders (id),
        payment_key text NOT NULL,
        lease_until timestamptz,
        last_sent_at timestamptz,
        blocked_reason text
      )`);

    await q.query(`
      CREATE TABLE refunds (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        seq bigserial NOT NULL,
        requested_amount_won integer CHECK (requested_amount_won > 0),
        amount_won integer CHECK (amount_won > 0),
        reason text NOT NULL,
        requester_role text NOT NULL CHECK (requester_role IN ('ADMIN', 'PARTNER', 'SUBSCRIBER', 'SYSTEM')),
        requester_user_id uuid,
        requester_partner_id uuid,
        status text NOT NULL CHECK (status IN ('QUEUED', 'PENDING', 'COMPLETED', 'REFUSED')),
        refused_code text,
        refused_message text,
        allocation jsonb,
        refundable_before_won integer,
        send_no integer NOT NULL DEFAULT 0,
        idempotency_key text,
        toss_transaction_key text,
        needs_operator boolean NOT NULL DEFAULT false,
        external boolean NOT NULL DEFAULT false,
        requested_at timestamptz NOT NULL,
        sent_at timestamptz,
        decided_at timestamptz,
        CHECK (status NOT IN ('PENDING', 'COMPLETED') OR amount_won IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX refunds_order ON refunds (order_id, seq)`);
    await q.query(`CREATE INDEX refunds_open ON refunds (order_id, seq) WHERE status IN ('QUEUED', 'PENDING')`);
    // Belt and braces for the queue: at most one refund of a payment in flight at Toss.
    await q.query(`CREATE UNIQUE INDEX refunds_one_in_flight ON refunds (order_id) WHERE status = 'PENDING'`);
    await q.query(`CREATE UNIQUE INDEX refunds_transaction_key ON refunds (toss_transaction_key) WHERE toss_transaction_key IS NOT NULL`);
    // A refund is one ledger row, never two.
    await q.query(`CREATE UNIQUE INDEX payment_ledger_one_row_per_refund ON payment_ledger (refund_id) WHERE refund_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX payment_ledger_one_row_per_refund`);
    await q.query(`DROP TABLE refunds`);
    await q.query(`DROP TABLE refund_queues`);
    await q.query(`DROP TABLE order_requests`);
    await q.query(`DROP TABLE order_fulfilments`);
    await q.query(`DROP INDEX orders_auto_confirm`);
    await q.query(`ALTER TABLE orders DROP COLUMN fulfilment_status, DROP COLUMN delivered_at, DROP COLUMN confirmed_at, DROP COLUMN confirmed_automatically, DROP COLUMN cancelled_at`);
  }
}
