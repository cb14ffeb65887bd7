import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates the table of HTTP idempotency keys (ADR 0013); every service lists it in its own
 * migrations, next to the messaging tables.
 */
export class CreateIdempotencyKeys1732000000001 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1732000000001';

  /** Creates the table and the index the pruning job scans. */
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "http_idempotency_keys" (
        "account_id" text NOT NULL,
        "method" text NOT NULL,
        "path" text NOT NULL,
        "key" text NOT NULL,
        "request_hash" text NOT NULL,
        "claim_id" uuid NOT NULL,
        "locked_until" timestamptz NOT NULL,
        "response_status" integer,
        "response_body" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz,
        CONSTRAINT "http_idempotency_keys_pkey" PRIMARY KEY ("account_id", "method", "path", "key")
      )`);
    await queryRunner.query(`CREATE INDEX "http_idempotency_keys_created_at_idx" ON "http_idempotency_keys" ("created_at")`);
  }

  /** Drops the table. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "http_idempotency_keys"`);
  }
}
