import type { Logger } from '@roastery/observability';
import { z } from 'zod';

/** How long keys live and how long a running request holds its key. */
export interface IdempotencyOptions {
  /**
   * How long an in-progress claim blocks repeats (409). After it, a repeat with the same body takes
   * the key over, so a crashed request cannot block its key forever. Keep it above the slowest
   * honest request of an @Idempotent route.
   */
  leaseMs: number;
  /** Keys (and their stored answers) are pruned this many hours after first use. */
  retentionHours: number;
  logger: Logger;
}

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

/**
 * Config keys a service may add to its schema (`...idempotencyConfigShape`) to tune idempotency;
 * without them the defaults apply.
 */
export const idempotencyConfigShape = {
  /** Lease of an in-progress Idempotency-Key claim, in ms. */
  IDEMPOTENCY_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** Hours an Idempotency-Key and its stored answer are kept (API.md: 24). */
  IDEMPOTENCY_RETENTION_HOURS: z.coerce.number().int().min(24).max(24 * 30).default(24),
};

/** Reads the idempotency settings from a service's parsed config, with defaults for absent keys. */
export function idempotencyOptionsFrom(config: object): Pick<IdempotencyOptions, 'leaseMs' | 'retentionHours'> {
  const c = z.object(idempotencyConfigShape).parse(config);
  return { leaseMs: c.IDEMPOTENCY_LEASE_MS, retentionHours: c.IDEMPOTENCY_RETENTION_HOURS };
}
