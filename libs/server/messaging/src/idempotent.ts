import type { EntityManager } from 'typeorm';

/**
 * Runs fn once per (handler, messageId): records the pair in the inbox with em, which must be the
 * transaction fn writes with, and skips fn when the pair is already there. Returns whether fn ran.
 * A concurrent duplicate waits on the primary key until the first transaction ends.
 */
export async function runOnce(em: EntityManager, handler: string, messageId: string, fn: () => Promise<void> | void): Promise<boolean> {
  const inserted: unknown[] = await em.query(
    `INSERT INTO inbox (handler, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING message_id`,
    [handler, messageId],
  );
  if (inserted.length === 0) return false;
  await fn();
  return true;
}
