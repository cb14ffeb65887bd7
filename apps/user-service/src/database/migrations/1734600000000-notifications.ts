import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices: one row per (producer's) dedupe key, listed per account newest first, with a partial
 * index for the unread count. created_at has no default: the service writes the shared clock's time.
 */
export class Notifications1734600000000 implements MigrationInterface {
  name = 'Notifications1734600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts(id),
        kind text NOT NULL,
        data jsonb NOT NULL,
        dedupe_key text NOT NULL CONSTRAINT notifications_dedupe_key UNIQUE,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_account ON notifications (account_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX notifications_account_unread ON notifications (account_id) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
  }
}
