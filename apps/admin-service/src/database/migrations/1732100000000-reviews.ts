import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The application review queue, the audit log, the clock's durable offset and gathered dead letters. */
export class Reviews1732100000000 implements MigrationInterface {
  name = 'Reviews1732100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE application_reviews (
        id uuid PRIMARY KEY,
        applicant_user_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        business_name text NOT NULL,
        registration_number text NOT NULL,
        representative text NOT NULL,
        phone text NOT NULL,
        email text NOT NULL,
        payout_bank text NOT NULL,
        payout_account_last4 text NOT NULL,
        attempt integer NOT NULL,
        findings jsonb NOT NULL DEFAULT '[]',
        reason text,
        submitted_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX application_reviews_queue ON application_reviews (status, submitted_at)`);
    await q.query(`CREATE INDEX application_reviews_number ON application_reviews (registration_number)`);
    await q.query(`CREATE INDEX application_reviews_applicant ON application_reviews (applicant_user_id)`);
    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        actor_id uuid NOT NULL,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        correlation_id text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_log_target ON audit_log (target_id, at DESC)`);
    // The audit log is append-only: the database refuses edits, not just the code.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`CREATE TABLE clock_state (id smallint PRIMARY KEY CHECK (id = 1), offset_ms bigint NOT NULL, updated_at timestamptz NOT NULL)`);
    await q.query(`
      CREATE TABLE dead_letters (
        id uuid PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        queue text NOT NULL,
        original_queue text NOT NULL,
        message_id uuid,
        type text,
        body text NOT NULL,
        envelope jsonb,
        reason text NOT NULL,
        handler text NOT NULL,
        attempt integer NOT NULL,
        failed_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        replayed_at timestamptz,
        replay_count integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX dead_letters_received ON dead_letters (received_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letters`);
    await q.query(`DROP TABLE clock_state`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only`);
    await q.query(`DROP TABLE application_reviews`);
  }
}
