import { createHash } from 'node:crypto';

/**
 * The Idempotency-Key of the n-th send of a refund. It changes only after Toss answered that
 * nothing happened (the burst rule, a transient refusal): Toss replays errors for a reused key.
 */
export function refundIdempotencyKey(refundId: string, sendNo: number): string {
  return `refund-${refundId}-${sendNo}`;
}

/** The tag our cancels carry in cancelReason, so a lookup can tell our cancel from anyone else's. */
export function refundTag(refundId: string): string {
  return `[rf:${refundId}]`;
}

/** Toss's cancelReason (≤ 200 characters): the reason, then the tag. */
export function cancelReasonOf(reason: string, refundId: string): string {
  const tag = refundTag(refundId);
  return `${reason.slice(0, 200 - tag.length - 1)} ${tag}`;
}

/** A stable uuid (version-5 layout over SHA-256) for ids we derive, e.g. the refund of a returned part. */
export function derivedUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
