import type { ClientBase } from 'pg';
import type { DataSource } from 'typeorm';
import { advisoryKey } from './advisory-key';

/** The advisory-lock name every service uses around its migrations (locks are per database). */
export const MIGRATION_LOCK_NAME = 'roastery:migrations';

const LOCK = 'SELECT pg_advisory_lock($1::bigint)';
const UNLOCK = 'SELECT pg_advisory_unlock($1::bigint)';

/**
 * Runs fn (usually `() => dataSource.runMigrations()`) while holding a session-level advisory lock,
 * so when N instances start at once one migrates and the others wait, then find nothing to do. With
 * a TypeORM DataSource the lock is held on a QueryRunner's own connection; a pg client (a Client or a
 * checked-out PoolClient) is used as is.
 */
export async function withMigrationLock<T>(
  target: DataSource | ClientBase,
  fn: () => Promise<T>,
  lockName: string = MIGRATION_LOCK_NAME,
): Promise<T> {
  const key = advisoryKey(lockName).toString();
  if (!isDataSource(target)) return locked((sql) => target.query(sql, [key]), fn);

  // A QueryRunner pins one pooled connection: lock and unlock must run in the same session.
  const runner = target.createQueryRunner();
  await runner.connect();
  try {
    return await locked((sql) => runner.query(sql, [key]), fn);
  } finally {
    await runner.release();
  }
}

async function locked<T>(query: (sql: string) => Promise<unknown>, fn: () => Promise<T>): Promise<T> {
  await query(LOCK);
  try {
    return await fn();
  } finally {
    // If the session broke, the unlock fails but PostgreSQL has already released the lock with it;
    // swallowing keeps fn's own error (or result) as the outcome.
    await query(UNLOCK).catch(() => undefined);
  }
}

function isDataSource(target: DataSource | ClientBase): target is DataSource {
  return typeof (target as Partial<DataSource>).createQueryRunner === 'function';
}
