import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payment oversight (issue 6): admin-service's read model of payments, refunds and partner
 * fulfilment, fed by order.paid, refund.* and fulfilment.status.changed (ADR 0020).
 */
export class PaymentsOversight1735200000000 implements MigrationInterface {
  name = 'PaymentsOversight1735200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payments (
        order_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        subscription_id uuid,
        partner_ids uuid[] NOT NULL,
        lines jsonb NOT NULL,
        shipping_fees jsonb NOT NULL,
        total_won bigint NOT NULL CHECK (total_won >= 0),
        -- Sum of the COMPLETED refunds, recomputed from payment_refunds on every refund event.
        refunded_won bigint NOT NULL DEFAULT 0 CHECK (refunded_won >= 0),
        status text GENERATED ALWAYS AS (
          CASE WHEN refunded_won = 0 THEN 'PAID' WHEN refunded_won < total_won THEN 'PARTIALLY_REFUNDED' ELSE 'REFUNDED' END
        ) STORED,
        payment_key text,
        toss_order_id text,
        paid_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX payments_newest ON payments (paid_at DESC, order_id DESC)`);
    await q.query(`CREATE INDEX payments_by_user ON payments (user_id, paid_at DESC)`);
    await q.query(`CREATE INDEX payments_by_partner ON payments USING gin (partner_ids)`);
    await q.query(`CREATE INDEX payments_by_payment_key ON payments (payment_key) WHERE payment_key IS NOT NULL`);
    await q.query(`CREATE INDEX payments_by_toss_order_id ON payments (toss_order_id) WHERE toss_order_id IS NOT NULL`);

    // No foreign key to payments: a refund event may arrive before its order.paid.
    await q.query(`
      CREATE TABLE payment_refunds (
        refund_id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'COMPLETED', 'REFUSED')),
        amount_won bigint CHECK (amount_won > 0),
        reason text,
        requested_by_role text,
        requested_by_user_id uuid,
        requested_by_partner_id uuid,
        requested_at timestamptz,
        idempotency_key text,
        lines jsonb NOT NULL DEFAULT '[]',
        shipping_won bigint,
        balance_after_won bigint,
        payment_key text,
        completed_at timestamptz,
        refused_code text,
        refused_message text,
        refused_at timestamptz,
        updated_at timestamptz NOT NULL,
        UNIQUE (requested_by_user_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX payment_refunds_by_order ON payment_refunds (order_id)`);
    await q.query(`CREATE INDEX payment_refunds_completed ON payment_refunds (completed_at) WHERE status = 'COMPLETED'`);

    await q.query(`
      CREATE TABLE payment_fulfilments (
        partner_order_id uuid PRIMARY KEY,
        order_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        carrier text,
        tracking_number text,
        changed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX payment_fulfilments_by_order ON payment_fulfilments (order_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_fulfilments`);
    await q.query(`DROP TABLE payment_refunds`);
    await q.query(`DROP TABLE payments`);
  }
}
