import { randomBytes, randomUUID } from 'node:crypto';

/** A fresh orderId satisfying Toss's rule. */
export function newOrderId(prefix = 'ct'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

/** A fresh customerKey (a UUID, as Toss recommends). */
export function newCustomerKey(): string {
  return randomUUID();
}

/** A fresh Idempotency-Key. */
export function newIdempotencyKey(): string {
  return randomUUID();
}
