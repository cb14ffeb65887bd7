import type { ClockStore } from '@roastery/clock';
import type { DataSource } from 'typeorm';

/**
 * Keeps the clock's offset in admin-service's database. The upsert only ever raises it, matching
 * the clock's rule that it never moves back, even if two admins set it at once.
 */
export function databaseClockStore(ds: DataSource): ClockStore {
  return {
    async persist(offsetMs) {
      await ds.query(
        `INSERT INTO clock_state (id, offset_ms, updated_at) VALUES (1, $1, now())
         ON CONFLICT (id) DO UPDATE SET offset_ms = GREATEST(clock_state.offset_ms, EXCLUDED.offset_ms), updated_at = now()`,
        [Math.trunc(offsetMs)],
      );
    },
    async restore() {
      const rows: { offset_ms: string }[] = await ds.query('SELECT offset_ms FROM clock_state WHERE id = 1');
      return rows.length ? Number(rows[0].offset_ms) : null;
    },
  };
}
