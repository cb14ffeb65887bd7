import { notFound } from '@roastery/http';
import type { EntityManager } from 'typeorm';

/**
 * Takes the account's row lock for the caller's transaction: every feature that keeps one-per-account
 * invariants (the default address or card, the card of a live subscription, a subscription's
 * Idempotency-Key) serialises its writes on it. 404 when the account is gone, unless the caller
 * still has to tidy up after a deleted account.
 */
export async function lockAccount(em: EntityManager, accountId: string, o: { activeOnly?: boolean } = {}): Promise<void> {
  const activeOnly = o.activeOnly ?? true;
  const rows: unknown[] = await em.query(`SELECT id FROM accounts WHERE id = $1 ${activeOnly ? `AND status = 'ACTIVE'` : ''} FOR UPDATE`, [accountId]);
  if (rows.length === 0) throw notFound('account');
}
