import { orderBatchPlaced } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import type { EntityManager } from 'typeorm';
import { Order } from '../orders/order.entity';
import { OrderLine } from '../orders/order-line.entity';
import type { PlacedOrder } from '../orders/order-placement';
import { OrderShippingFee } from '../orders/order-shipping-fee.entity';

/**
 * Writes placed orders with multi-row inserts and asks business-service to reserve their stock
 * with one `order.batch.placed`, in the caller's transaction (the outbox commits with the orders).
 */
export async function insertOrdersAndRequestStock(em: EntityManager, outbox: Outbox, placed: PlacedOrder[], now: Date): Promise<void> {
  if (placed.length === 0) return;
  // Chunks keep each statement under PostgreSQL's 65 535 bind parameters.
  for (const chunk of chunks(placed, 500)) {
    await em.insert(Order, chunk.map((p) => ({ ...p.order, version: 1 })));
    await em.insert(OrderLine, chunk.flatMap((p) => p.lines));
    await em.insert(OrderShippingFee, chunk.flatMap((p) => p.fees));
  }
  for (const chunk of chunks(placed, 1000)) {
    const batchId = uuidv7();
    await outbox.add(em, orderBatchPlaced, {
      aggregateId: batchId,
      aggregateVersion: 1,
      payload: {
        batchId,
        orders: chunk.map((p) => ({
          orderId: p.order.id,
          lines: p.lines.map((l) => ({ lineId: l.id, partnerId: l.partnerId, productId: l.productId, optionId: l.optionId, quantity: l.quantity })),
        })),
        placedAt: now.toISOString(),
      },
    });
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
