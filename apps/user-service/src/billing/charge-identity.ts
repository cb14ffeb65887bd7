/**
 * The Toss orderId and Idempotency-Key of a charge attempt, derived only from (subscription,
 * cycle, attempt) — or (order, attempt) for a one-off order — and written down before Toss is
 * called, so a crash, a retry or a second engine always sends the same ones.
 * Toss's orderId rule: 6–64 characters of [A-Za-z0-9_-].
 */
export function chargeIdentity(order: { id: string; subscriptionId: string | null; cycle: number | null }, attempt: number): { tossOrderId: string; idempotencyKey: string } {
  const compact = (uuid: string) => uuid.replace(/-/g, '');
  const tossOrderId = order.subscriptionId !== null && order.cycle !== null ? `s${compact(order.subscriptionId)}-c${order.cycle}-a${attempt}` : `o${compact(order.id)}-a${attempt}`;
  return { tossOrderId, idempotencyKey: `charge-${tossOrderId}` };
}
