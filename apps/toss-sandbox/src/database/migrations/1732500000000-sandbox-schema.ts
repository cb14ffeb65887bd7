import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The sandbox's whole schema: keys, payments, cancels, transactions, idempotency, webhooks, settings. */
export class SandboxSchema1732500000000 implements MigrationInterface {
  name = 'SandboxSchema1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sandbox_settings (
      id int PRIMARY KEY,
      overrides jsonb NOT NULL,
      updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE auth_keys (
      auth_key text PRIMARY KEY,
      customer_key text NOT NULL,
      card jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      billing_key text)`);
    await q.query(`CREATE TABLE billing_keys (
      billing_key text PRIMARY KEY,
      customer_key text NOT NULL,
      card jsonb NOT NULL,
      authenticated_at timestamptz NOT NULL,
      outcome text NOT NULL,
      queued_outcomes jsonb NOT NULL DEFAULT '[]',
      deleted_at timestamptz)`);
    await q.query(`CREATE TABLE payments (
      payment_key text PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      order_id text NOT NULL,
      order_name text NOT NULL,
      customer_key text NOT NULL,
      status text NOT NULL,
      total_amount bigint NOT NULL,
      balance_amount bigint NOT NULL,
      supplied_amount bigint NOT NULL,
      vat bigint NOT NULL,
      tax_free_amount bigint NOT NULL,
      tax_exemption_amount bigint NOT NULL,
      is_partial_cancelable boolean NOT NULL,
      requested_at timestamptz NOT NULL,
      approved_at timestamptz,
      last_transaction_key text,
      approval_transaction_key text,
      card jsonb NOT NULL,
      failure jsonb,
      fee_rate_bp int NOT NULL,
      CHECK (balance_amount >= 0 AND balance_amount <= total_amount))`);
    // An orderId belongs to one approved (or cancelled) payment; declined attempts may share it.
    await q.query(`CREATE UNIQUE INDEX payments_order_id_taken ON payments (order_id) WHERE status <> 'ABORTED'`);
    await q.query(`CREATE INDEX payments_order_id ON payments (order_id, seq)`);
    await q.query(`CREATE INDEX payments_approved_at ON payments (approved_at)`);
    await q.query(`CREATE TABLE payment_cancels (
      transaction_key text PRIMARY KEY,
      payment_key text NOT NULL REFERENCES payments (payment_key),
      seq int NOT NULL,
      cancel_amount bigint NOT NULL,
      cancel_reason text NOT NULL,
      tax_free_amount bigint NOT NULL,
      tax_exemption_amount bigint NOT NULL,
      refundable_amount bigint NOT NULL,
      canceled_at timestamptz NOT NULL,
      UNIQUE (payment_key, seq))`);
    await q.query(`CREATE INDEX payment_cancels_canceled_at ON payment_cancels (canceled_at)`);
    await q.query(`CREATE TABLE transactions (
      transaction_key text PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      payment_key text NOT NULL,
      order_id text NOT NULL,
      customer_key text NOT NULL,
      status text NOT NULL,
      amount bigint NOT NULL,
      transaction_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX transactions_listing ON transactions (transaction_at, seq)`);
    await q.query(`CREATE TABLE idempotency_records (
      api_key_hash text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      idempotency_key text NOT NULL,
      state text NOT NULL,
      response_status int,
      response_body jsonb,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      PRIMARY KEY (api_key_hash, method, path, idempotency_key))`);
    await q.query(`CREATE TABLE webhook_deliveries (
      id bigserial PRIMARY KEY,
      event_type text NOT NULL,
      payload jsonb NOT NULL,
      url text NOT NULL,
      transmission_id text NOT NULL,
      status text NOT NULL,
      attempts int NOT NULL,
      next_attempt_at timestamptz,
      last_status int,
      last_error text,
      created_at timestamptz NOT NULL,
      delivered_at timestamptz)`);
    await q.query(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE webhook_deliveries, idempotency_records, transactions, payment_cancels, payments, billing_keys, auth_keys, sandbox_settings',
    );
  }
}
