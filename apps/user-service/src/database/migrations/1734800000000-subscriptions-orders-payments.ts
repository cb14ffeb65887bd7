import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscriptions with their billing schedule, orders with per-line snapshots, charge attempts and
 * the append-only payments ledger (issue 5).
 */
export class SubscriptionsOrdersPayments1734800000000 implements MigrationInterface {
  name = 'SubscriptionsOrdersPayments1734800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'PAST_DUE', 'CANCELLED')),
        catalog_item_id uuid NOT NULL,
        product_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        option_id uuid NOT NULL,
        item_name text NOT NULL,
        option_label text NOT NULL,
        quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 20),
        unit_price_won integer NOT NULL CHECK (unit_price_won >= 0),
        price_agreed_at timestamptz NOT NULL,
        pending_unit_price_won integer CHECK (pending_unit_price_won >= 0),
        pending_price_effective_date date,
        interval_weeks integer NOT NULL CHECK (interval_weeks IN (1, 2, 4)),
        anchor_date date NOT NULL,
        next_cycle integer NOT NULL CHECK (next_cycle >= 0),
        next_billing_date date NOT NULL,
        last_cycle_date date NOT NULL,
        paused boolean NOT NULL DEFAULT false,
        pause_until date,
        address_id uuid NOT NULL,
        ship_to jsonb NOT NULL,
        payment_method_id uuid NOT NULL,
        open_order_id uuid,
        consecutive_failed_cycles integer NOT NULL DEFAULT 0,
        consent_terms_version text NOT NULL,
        consented_at timestamptz NOT NULL,
        cancel_reason text,
        cancelled_at timestamptz,
        creation_key text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    // The billing engine's claim: due, live, and no box of theirs in flight.
    await q.query(`CREATE INDEX subscriptions_due ON subscriptions (next_billing_date, id) WHERE status = 'ACTIVE' AND open_order_id IS NULL`);
    await q.query(`CREATE INDEX subscriptions_pause_ends ON subscriptions (pause_until) WHERE status = 'PAUSED' AND pause_until IS NOT NULL`);
    await q.query(`CREATE INDEX subscriptions_account ON subscriptions (account_id, created_at)`);
    await q.query(`CREATE INDEX subscriptions_pre_charge ON subscriptions (next_billing_date) WHERE status = 'ACTIVE'`);
    // A retried create (same Idempotency-Key) finds the first one instead of charging again.
    await q.query(`CREATE UNIQUE INDEX subscriptions_creation_key ON subscriptions (account_id, creation_key) WHERE creation_key IS NOT NULL`);

    // What happened to a subscription, in order: cycles skipped by the subscriber, pauses, edits.
    await q.query(`
      CREATE TABLE subscription_events (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES subscriptions (id),
        kind text NOT NULL,
        cycle integer,
        data jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX subscription_events_subscription ON subscription_events (subscription_id, occurred_at)`);
    await q.query(`CREATE UNIQUE INDEX subscription_events_one_skip_per_cycle ON subscription_events (subscription_id, cycle) WHERE kind = 'CYCLE_SKIPPED'`);

    await q.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id),
        subscription_id uuid REFERENCES subscriptions (id),
        cycle integer,
        status text NOT NULL,
        payment_method_id uuid NOT NULL,
        ship_to jsonb NOT NULL,
        merchandise_won integer NOT NULL CHECK (merchandise_won >= 0),
        shipping_won integer NOT NULL CHECK (shipping_won >= 0),
        discount_won integer NOT NULL DEFAULT 0 CHECK (discount_won >= 0),
        total_won integer NOT NULL CHECK (total_won >= 0),
        vat_won integer NOT NULL CHECK (vat_won >= 0),
        order_name text NOT NULL,
        billing_date date NOT NULL,
        run_id uuid,
        attempts integer NOT NULL DEFAULT 0,
        declines integer NOT NULL DEFAULT 0,
        transient_failures integer NOT NULL DEFAULT 0,
        first_failure_at timestamptz,
        next_attempt_at timestamptz,
        last_failure_code text,
        last_failure_category text,
        paid_at timestamptz,
        closed_at timestamptz,
        placed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        CHECK ((subscription_id IS NULL) = (cycle IS NULL))
      )`);
    // One order per subscription cycle: the first guarantee against a cycle charged twice.
    await q.query(`CREATE UNIQUE INDEX orders_subscription_cycle ON orders (subscription_id, cycle) WHERE subscription_id IS NOT NULL`);
    await q.query(`CREATE INDEX orders_account ON orders (account_id, placed_at DESC)`);
    await q.query(`CREATE INDEX orders_chargeable ON orders (next_attempt_at) WHERE status IN ('READY_TO_CHARGE', 'RETRY_SCHEDULED')`);
    await q.query(`CREATE INDEX orders_in_flight ON orders (updated_at) WHERE status = 'CHARGING'`);
    await q.query(`CREATE INDEX orders_run ON orders (run_id) WHERE run_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE order_lines (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id),
        partner_id uuid NOT NULL,
        catalog_item_id uuid NOT NULL,
        product_id uuid NOT NULL,
        option_id uuid NOT NULL,
        product_name text NOT NULL,
        option_label text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        unit_price_won integer NOT NULL CHECK (unit_price_won >= 0),
        gross_won integer NOT NULL CHECK (gross_won >= 0),
        discount_won integer NOT NULL CHECK (discount_won >= 0),
        discount_funded_by text CHECK (discount_funded_by IN ('PLATFORM', 'PARTNER')),
        line_total_won integer NOT NULL CHECK (line_total_won >= 0 AND line_total_won <= gross_won),
        commission_rate_bp integer NOT NULL CHECK (commission_rate_bp BETWEEN 0 AND 10000),
        commission_won integer NOT NULL CHECK (commission_won >= 0 AND commission_won <= line_total_won),
        vat_won integer NOT NULL CHECK (vat_won >= 0),
        position integer NOT NULL
      )`);
    await q.query(`CREATE INDEX order_lines_order ON order_lines (order_id, position)`);
    await q.query(`
      CREATE TABLE order_shipping_fees (
        order_id uuid NOT NULL REFERENCES orders (id),
        partner_id uuid NOT NULL,
        merchandise_won integer NOT NULL CHECK (merchandise_won >= 0),
        fee_won integer NOT NULL CHECK (fee_won >= 0),
        vat_won integer NOT NULL CHECK (vat_won >= 0),
        PRIMARY KEY (order_id, partner_id)
      )`);

    await q.query(`
      CREATE TABLE payment_attempts (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id),
        attempt integer NOT NULL CHECK (attempt >= 1),
        toss_order_id text NOT NULL UNIQUE,
        idempotency_key text NOT NULL UNIQUE,
        payment_method_id uuid NOT NULL,
        amount_won integer NOT NULL CHECK (amount_won > 0),
        status text NOT NULL CHECK (status IN ('PENDING', 'UNKNOWN', 'APPROVED', 'DECLINED')),
        payment_key text,
        failure_code text,
        failure_category text,
        failure_message text,
        lease_until timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        resolved_at timestamptz,
        UNIQUE (order_id, attempt)
      )`);
    await q.query(`CREATE INDEX payment_attempts_unresolved ON payment_attempts (lease_until) WHERE status IN ('PENDING', 'UNKNOWN')`);
    // At most one approved attempt per order, whatever races: the second guarantee.
    await q.query(`CREATE UNIQUE INDEX payment_attempts_one_approval ON payment_attempts (order_id) WHERE status = 'APPROVED'`);

    // Billing runs asked for by admin-service: one row per run id, so a repeated request runs once.
    await q.query(`
      CREATE TABLE billing_runs (
        run_id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'RUNNING', 'COMPLETED', 'FAILED')),
        business_date date NOT NULL,
        sequence integer NOT NULL DEFAULT 0,
        claimed integer NOT NULL DEFAULT 0,
        orders_placed integer NOT NULL DEFAULT 0,
        requested_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        error text
      )`);

    await q.query(`
      CREATE TABLE payment_ledger (
        id uuid PRIMARY KEY,
        order_id uuid NOT NULL REFERENCES orders (id),
        account_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CHARGE', 'REFUND')),
        amount_won integer NOT NULL CHECK ((kind = 'CHARGE' AND amount_won > 0) OR (kind = 'REFUND' AND amount_won < 0)),
        payment_key text NOT NULL,
        toss_order_id text NOT NULL,
        attempt_id uuid,
        refund_id uuid,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX payment_ledger_one_charge ON payment_ledger (payment_key) WHERE kind = 'CHARGE'`);
    await q.query(`CREATE UNIQUE INDEX payment_ledger_one_charge_per_order ON payment_ledger (order_id) WHERE kind = 'CHARGE'`);
    await q.query(`CREATE INDEX payment_ledger_order ON payment_ledger (order_id)`);
    // Append-only: money rows are never changed or removed, only followed by new ones.
    await q.query(`
      CREATE FUNCTION payment_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'payment_ledger is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`CREATE TRIGGER payment_ledger_append_only BEFORE UPDATE OR DELETE ON payment_ledger FOR EACH ROW EXECUTE FUNCTION payment_ledger_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payment_ledger`);
    await q.query(`DROP FUNCTION payment_ledger_append_only()`);
    await q.query(`DROP TABLE billing_runs`);
    await q.query(`DROP TABLE payment_attempts`);
    await q.query(`DROP TABLE order_shipping_fees`);
    await q.query(`DROP TABLE order_lines`);
    await q.query(`DROP TABLE orders`);
    await q.query(`DROP TABLE subscription_events`);
    await q.query(`DROP TABLE subscriptions`);
  }
}
