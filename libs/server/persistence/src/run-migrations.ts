import type { DataSource } from 'typeorm';

/** Fixed advisory-lock key for migrations: any number above the job locks' range would do. */
const MIGRATION_LOCK_KEY = 7_346_001;

/**
 * Runs pending migrations while holding a session advisory lock on one connection, so several
 * instances starting at once migrate exactly once: the others wait, then find nothing to do.
 */
export async function runMigrationsLocked(ds: DataSource): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
