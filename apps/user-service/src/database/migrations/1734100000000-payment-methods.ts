import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cards registered through Toss (billing keys encrypted at rest), each account's random Toss
 * customerKey, and the Toss webhooks received (kept until handled, deduplicated by transmission id).
 */
export class PaymentMethods1734100000000 implements MigrationInterface {
  name = 'PaymentMethods1734100000000';

  async up(q: QueryRunner): Promise<void> {
    // Random and opaque (never an id or an email, TOSS.md); the default also fills existing accounts.
    await q.query(`ALTER TABLE accounts ADD COLUMN toss_customer_key text NOT NULL DEFAULT ('cus_' || replace(gen_random_uuid()::text, '-', ''))`);
    await q.query(`CREATE UNIQUE INDEX accounts_toss_customer_key ON accounts (toss_customer_key)`);
    await q.query(`
      CREATE TABLE payment_methods (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id),
        status text NOT NULL CHECK (status IN ('ACTIVE', 'DELETING', 'DELETED')),
        billing_key_enc text,
        billing_key_kid text,
        billing_key_digest text NOT NULL,
        customer_key text NOT NULL,
        card_company text NOT NULL,
        masked_number text NOT NULL,
        card_type text,
        owner_type text,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        version integer NOT NULL,
        CHECK ((status = 'DELETED') = (billing_key_enc IS NULL)),
        CHECK (NOT (is_default AND status <> 'ACTIVE'))
      )`);
    await q.query(`CREATE UNIQUE INDEX payment_methods_billing_key_digest ON payment_methods (billing_key_digest)`);
    await q.query(`CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods (account_id) WHERE is_default`);
    await q.query(`CREATE INDEX payment_methods_account ON payment_methods (account_id, created_at) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE INDEX payment_methods_deleting ON payment_methods (created_at) WHERE status = 'DELETING'`);
    await q.query(`CREATE INDEX payment_methods_kid ON payment_methods (billing_key_kid) WHERE billing_key_enc IS NOT NULL`);
    await q.query(`
      CREATE TABLE toss_webhook_events (
        id uuid PRIMARY KEY,
        transmission_id text NOT NULL UNIQUE,
        event_type text NOT NULL,
        body jsonb NOT NULL,
        received_at timestamptz NOT NULL,
        handled_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        outcome text,
        last_error text
      )`);
    await q.query(`CREATE INDEX toss_webhook_events_pending ON toss_webhook_events (received_at) WHERE handled_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE toss_webhook_events`);
    await q.query(`DROP TABLE payment_methods`);
    await q.query(`ALTER TABLE accounts DROP COLUMN toss_customer_key`);
  }
}
