import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shipping addresses: at most one default per account (a partial unique index), listed by account.
 * Personal data is confined to label, recipient, phone, postal_code, line1 and line2.
 */
export class Addresses1734000000100 implements MigrationInterface {
  name = 'Addresses1734000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE addresses (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id),
        label text,
        recipient text NOT NULL,
        phone text NOT NULL,
        postal_code text NOT NULL,
        line1 text NOT NULL,
        line2 text NOT NULL DEFAULT '',
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX addresses_account ON addresses (account_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX addresses_one_default ON addresses (account_id) WHERE is_default`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE addresses`);
  }
}
