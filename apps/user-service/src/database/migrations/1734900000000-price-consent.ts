import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A partner's price rise reaches a subscription only after a notice period and the subscriber's
 * consent: when the consent was given, which catalog version the price came from, and why a
 * subscription is paused (the subscriber, or a rise not consented to by its date).
 */
export class PriceConsent1734900000000 implements MigrationInterface {
  name = 'PriceConsent1734900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE subscriptions ADD COLUMN pending_price_consented_at timestamptz, ADD COLUMN price_item_version integer NOT NULL DEFAULT 0, ADD COLUMN pause_reason text`);
    await q.query(`CREATE INDEX subscriptions_option ON subscriptions (option_id) WHERE status <> 'CANCELLED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX subscriptions_option`);
    await q.query(`ALTER TABLE subscriptions DROP COLUMN pending_price_consented_at, DROP COLUMN price_item_version, DROP COLUMN pause_reason`);
  }
}
