import type { PartnerStatus } from './partner.entity';

/**
 * Applies a partner status event (suspended / reinstated) only when it is newer than the last one
 * applied, ordered by the admin's timestamp: repeats and late arrivals change nothing. Returns the
 * status to store, or null for a no-op.
 */
export function nextPartnerStatus(current: { status: PartnerStatus; statusChangedAt: Date | null }, event: { to: PartnerStatus; at: Date }): PartnerStatus | null {
  if (current.statusChangedAt !== null && event.at.getTime() <= current.statusChangedAt.getTime()) return null;
  return event.to;
}

/** Partner members may read their products in any status, but change them only while ACTIVE. */
export function mayChangeProducts(status: PartnerStatus): boolean {
  return status === 'ACTIVE';
}
