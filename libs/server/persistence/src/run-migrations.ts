import { withMigrationLock } from '@roastery/scheduler';
import type { DataSource } from 'typeorm';

/**
 * Runs pending migrations under the scheduler's migration advisory lock, so several instances
 * starting at once migrate exactly once: the others wait, then find nothing to do.
 */
export async function runMigrationsLocked(ds: DataSource): Promise<void> {
  await withMigrationLock(ds, () => ds.runMigrations({ transaction: 'each' }));
}
