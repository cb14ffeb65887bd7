import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IDEMPOTENCY_OPTIONS, type IdempotencyOptions } from './idempotency.options';

/** Which key: the caller's account, the method, the path as requested, and the key itself. */
export interface IdempotencyScope {
  accountId: string;
  method: string;
  path: string;
  key: string;
}

/** What a claim found: the key is now ours, or someone else's row. */
export type ClaimResult =
  | { kind: 'claimed'; claimId: string }
  | { kind: 'reused' }
  | { kind: 'in-progress' }
  | { kind: 'completed'; status: number; body: unknown };

/** Rows deleted per statement, so pruning never holds long locks. */
const BATCH = 5_000;
const PK = 'account_id = $1 AND method = $2 AND path = $3 AND key = $4';

/**
 * The `http_idempotency_keys` table, in single autocommit statements so that a claim is visible
 * to concurrent repeats at once. Times come from the database's clock, which all instances share.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(IDEMPOTENCY_OPTIONS) private readonly options: IdempotencyOptions,
  ) {}

  /**
   * Claims the key for this request, or reports why not. A claim whose lease ran out (its request
   * crashed or hangs) is taken over by a repeat with the same body, under a new claim id.
   */
  async claim(scope: IdempotencyScope, hash: string): Promise<ClaimResult> {
    const params = [scope.accountId, scope.method, scope.path, scope.key];
    // The row can vanish between the two statements (a 5xx released it): then claim again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimId = randomUUID();
      const claimed = (await this.ds.query(
        `INSERT INTO http_idempotency_keys AS k (account_id, method, path, key, request_hash, claim_id, locked_until)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))
         ON CONFLICT (account_id, method, path, key) DO UPDATE
           SET claim_id = EXCLUDED.claim_id, locked_until = EXCLUDED.locked_until, created_at = now()
           WHERE k.response_status IS NULL AND k.locked_until <= now() AND k.request_hash = EXCLUDED.request_hash
         RETURNING k.claim_id`,
        [...params, hash, claimId, this.options.leaseMs / 1000],
      )) as Array<{ claim_id: string }>;
      if (claimed.length) return { kind: 'claimed', claimId };

      const [row] = (await this.ds.query(
        `SELECT request_hash, response_status, response_body FROM http_idempotency_keys WHERE ${PK}`,
        params,
      )) as Array<{ request_hash: string; response_status: number | null; response_body: unknown }>;
      if (!row) continue;
      if (row.request_hash !== hash) return { kind: 'reused' };
      if (row.response_status === null) return { kind: 'in-progress' };
      return { kind: 'completed', status: row.response_status, body: row.response_body };
    }
    return { kind: 'in-progress' };
  }

  /** Stores the answer for replays; a claim that was taken over in the meantime stores nothing. */
  async complete(scope: IdempotencyScope, claimId: string, status: number, body: unknown): Promise<boolean> {
    const [, affected] = (await this.ds.query(
      `UPDATE http_idempotency_keys SET response_status = $6, response_body = $7::jsonb, completed_at = now()
       WHERE ${PK} AND claim_id = $5 AND response_status IS NULL`,
      [scope.accountId, scope.method, scope.path, scope.key, claimId, status, body === undefined ? null : JSON.stringify(body)],
    )) as [unknown, number];
    return affected === 1;
  }

  /** Gives the key back (after a 5xx or a 429), so the client's retry runs the route again. */
  async release(scope: IdempotencyScope, claimId: string): Promise<void> {
    await this.ds.query(`DELETE FROM http_idempotency_keys WHERE ${PK} AND claim_id = $5 AND response_status IS NULL`, [
      scope.accountId,
      scope.method,
      scope.path,
      scope.key,
      claimId,
    ]);
  }

  /** Deletes keys first used before the retention; claims still under lease are kept. */
  async prune(): Promise<number> {
    let total = 0;
    for (;;) {
      const [, affected] = (await this.ds.query(
        `DELETE FROM http_idempotency_keys WHERE (account_id, method, path, key) IN (
           SELECT account_id, method, path, key FROM http_idempotency_keys
           WHERE created_at < now() - make_interval(hours => $1) AND (response_status IS NOT NULL OR locked_until < now())
           LIMIT ${BATCH})`,
        [this.options.retentionHours],
      )) as [unknown, number];
      total += affected;
      if (affected < BATCH) return total;
    }
  }
}
