/**
 * Where a service keeps the durable truth of the shared clock. Redis keeps nothing that cannot be
 * rebuilt, so admin-service stores the offset in its own database and Redis is re-seeded from it.
 */
export interface ClockStore {
  /** Saves the offset after every successful advance; implementations should keep the greatest one. */
  persist(offsetMs: number): Promise<void>;
  /** Returns the last persisted offset, or null when none was ever saved. */
  restore(): Promise<number | null>;
}

/** The value stored at `<prefix>clock` and published on `<prefix>clock:changed`. */
export interface StoredClockState {
  offsetMs: number;
  setAt: string;
}

/** Parses a stored or published clock state, or returns null when it is not one. */
export function parseClockState(raw: string): StoredClockState | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { offsetMs, setAt } = value as Record<string, unknown>;
    if (typeof offsetMs !== 'number' || !Number.isSafeInteger(offsetMs)) return null;
    return { offsetMs, setAt: typeof setAt === 'string' ? setAt : '' };
  } catch {
    return null;
  }
}
