import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Billing runs requested by admins (or reported by user-service) and their latest progress. */
export class BillingRuns1734700000000 implements MigrationInterface {
  name = 'BillingRuns1734700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE billing_runs (
        id uuid PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('REQUESTED', 'RUNNING', 'COMPLETED', 'FAILED')),
        requested_by uuid,
        requested_at timestamptz,
        idempotency_key text,
        sequence integer CHECK (sequence >= 0),
        business_date date,
        counts jsonb NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (requested_by, idempotency_key)
      )`);
    await q.query(`CREATE INDEX billing_runs_newest ON billing_runs (created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE billing_runs`);
  }
}
