import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the outbox and inbox tables; every service lists it in its own migrations (one database per service). */
export class CreateMessagingTables1732000000000 implements MigrationInterface {
  name = 'CreateMessagingTables1732000000000';

  /** Creates both tables and the relay's partial index. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox" (
        "id" uuid NOT NULL,
        "type" text NOT NULL,
        "routing_key" text NOT NULL,
        "envelope" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz,
        "publish_attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
      )`);
    // The relay only ever scans unpublished rows; keeping published ones out keeps the index tiny.
    await queryRunner.query(`CREATE INDEX "outbox_unpublished_idx" ON "outbox" ("created_at") WHERE published_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "inbox" (
        "handler" text NOT NULL,
        "message_id" uuid NOT NULL,
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "inbox_pkey" PRIMARY KEY ("handler", "message_id")
      )`);
  }

  /** Drops both tables. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inbox"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}
