import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner applications, partners and their members. */
export class Partners1732100000000 implements MigrationInterface {
  name = 'Partners1732100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partner_applications (
        id uuid PRIMARY KEY,
        applicant_user_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        business_name text NOT NULL,
        registration_number text NOT NULL CHECK (registration_number ~ '^[0-9]{10}$'),
        representative text NOT NULL,
        phone text NOT NULL,
        email text NOT NULL,
        payout_bank text NOT NULL,
        payout_account_enc text NOT NULL,
        payout_account_last4 text NOT NULL,
        attempt integer NOT NULL,
        rejection_reason text,
        partner_id uuid,
        submitted_at timestamptz NOT NULL,
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1
      )`);
    // One open application per account, enforced by the database even under concurrent requests.
    await q.query(`CREATE UNIQUE INDEX partner_applications_one_open ON partner_applications (applicant_user_id) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX partner_applications_applicant ON partner_applications (applicant_user_id, submitted_at DESC)`);
    await q.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL UNIQUE REFERENCES partner_applications(id),
        business_name text NOT NULL,
        registration_number text NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
        payout_bank text NOT NULL,
        payout_account_enc text NOT NULL,
        payout_account_last4 text NOT NULL,
        activated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE partner_members (
        partner_id uuid NOT NULL REFERENCES partners(id),
        user_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER', 'STAFF')),
        joined_at timestamptz NOT NULL,
        PRIMARY KEY (partner_id, user_id)
      )`);
    await q.query(`CREATE INDEX partner_members_user ON partner_members (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partner_members`);
    await q.query(`DROP TABLE partners`);
    await q.query(`DROP TABLE partner_applications`);
  }
}
