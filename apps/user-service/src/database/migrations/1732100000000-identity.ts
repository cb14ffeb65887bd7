import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, partner memberships, refresh-token families and signing keys. */
export class Identity1732100000000 implements MigrationInterface {
  name = 'Identity1732100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        phone text,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{SUBSCRIBER}',
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DELETED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // Unique among live accounts only: an anonymised account frees its address.
    await q.query(`CREATE UNIQUE INDEX accounts_email_live ON accounts (email) WHERE status = 'ACTIVE'`);
    await q.query(`
      CREATE TABLE partner_memberships (
        account_id uuid NOT NULL REFERENCES accounts(id),
        partner_id uuid NOT NULL,
        granted_at timestamptz NOT NULL,
        PRIMARY KEY (account_id, partner_id)
      )`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        account_id uuid NOT NULL REFERENCES accounts(id),
        token_hash text NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)`);
    await q.query(`
      CREATE TABLE signing_keys (
        kid text PRIMARY KEY,
        private_jwk_enc text NOT NULL,
        public_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        retired_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE signing_keys`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE partner_memberships`);
    await q.query(`DROP TABLE accounts`);
  }
}
