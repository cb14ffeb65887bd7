import type { EntityManager } from 'typeorm';
import type { Order } from './order.entity';
import type { OrderFacts } from './order-state.rules';

/** What the state rules need of an order, read in the caller's transaction. */
export async function factsOf(em: EntityManager, order: Order): Promise<OrderFacts> {
  const open: { kind: string }[] = await em.query(`SELECT kind FROM order_requests WHERE order_id = $1 AND status = 'OPEN'`, [order.id]);
  return {
    status: order.status,
    fulfilment: order.fulfilmentStatus ?? 'PAID',
    cancelled: order.cancelledAt !== null,
    confirmed: order.confirmedAt !== null,
    openCancel: open.some((r) => r.kind === 'CANCEL'),
    openReturn: open.some((r) => r.kind === 'RETURN'),
  };
}
