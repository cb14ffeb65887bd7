import { orderBatchPlaced, type PayloadOf } from '@roastery/contracts';
import { Outbox } from '@roastery/messaging';
import { uuidv7 } from '@roastery/persistence';
import type { EntityManager } from 'typeorm';
import type { PlacedOrder } from '../orders/order-placement';

/**
 * Writes placed orders with multi-row inserts and asks business-service to reserve their stock
 * with one `order.batch.placed`, in the caller's transaction (the outbox commits with the orders).
 */
export async function insertOrdersAndRequestStock(em: EntityManager, outbox: Outbox, placed: PlacedOrder[], now: Date): Promise<void> {
  if (placed.length === 0) return;
  // One statement per table with a parameter per column (arrays through unnest): a billing run
  // places hundreds of orders per transaction, and per-row ORM inserts cost more than the charge.
  const orders = placed.map((p) => p.order);
  await em.query(
    `INSERT INTO orders (id, account_id, subscription_id, cycle, status, payment_method_id, ship_to, merchandise_won, shipping_won,
       discount_won, total_won, vat_won, order_name, billing_date, run_id, attempts, declines, transient_failures, placed_at, updated_at, version)
     SELECT id, account_id, subscription_id, cycle, status, payment_method_id, ship_to::jsonb, merchandise_won, shipping_won,
       discount_won, total_won, vat_won, order_name, billing_date::date, run_id, 0, 0, 0, $16, $16, 1
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::uuid[], $7::text[], $8::int[], $9::int[],
                   $10::int[], $11::int[], $12::int[], $13::text[], $14::text[], $15::uuid[])
         AS v(id, account_id, subscription_id, cycle, status, payment_method_id, ship_to, merchandise_won, shipping_won,
              discount_won, total_won, vat_won, order_name, billing_date, run_id)`,
    [
      orders.map((o) => o.id),
      orders.map((o) => o.accountId),
      orders.map((o) => o.subscriptionId),
      orders.map((o) => o.cycle),
      orders.map((o) => o.status),
      orders.map((o) => o.paymentMethodId),
      orders.map((o) => JSON.stringify(o.shipTo)),
      orders.map((o) => o.merchandiseWon),
      orders.map((o) => o.shippingWon),
      orders.map((o) => o.discountWon),
      orders.map((o) => o.totalWon),
      orders.map((o) => o.vatWon),
      orders.map((o) => o.orderName),
      orders.map((o) => o.billingDate),
      orders.map((o) => o.runId),
      now,
    ],
  );
  const lines = placed.flatMap((p) => p.lines);
  await em.query(
    `INSERT INTO order_lines (id, order_id, partner_id, catalog_item_id, product_id, option_id, product_name, option_label, quantity, unit_price_won,
       gross_won, discount_won, discount_funded_by, line_total_won, commission_rate_bp, commission_won, vat_won, position)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::int[], $10::int[],
       $11::int[], $12::int[], $13::text[], $14::int[], $15::int[], $16::int[], $17::int[], $18::int[])`,
    [
      lines.map((l) => l.id),
      lines.map((l) => l.orderId),
      lines.map((l) => l.partnerId),
      lines.map((l) => l.catalogItemId),
      lines.map((l) => l.productId),
      lines.map((l) => l.optionId),
      lines.map((l) => l.productName),
      lines.map((l) => l.optionLabel),
      lines.map((l) => l.quantity),
      lines.map((l) => l.unitPriceWon),
      lines.map((l) => l.grossWon),
      lines.map((l) => l.discountWon),
      lines.map((l) => l.discountFundedBy),
      lines.map((l) => l.lineTotalWon),
      lines.map((l) => l.commissionRateBp),
      lines.map((l) => l.commissionWon),
      lines.map((l) => l.vatWon),
      lines.map((l) => l.position),
    ],
  );
  const fees = placed.flatMap((p) => p.fees);
  await em.query(
    `INSERT INTO order_shipping_fees (order_id, partner_id, merchandise_won, fee_won, vat_won)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::int[])`,
    [fees.map((f) => f.orderId), fees.map((f) => f.partnerId), fees.map((f) => f.merchandiseWon), fees.map((f) => f.feeWon), fees.map((f) => f.vatWon)],
  );
  await requestStock(
    em,
    outbox,
    placed.map((p) => ({
      orderId: p.order.id,
      lines: p.lines.map((l) => ({ lineId: l.id, partnerId: l.partnerId, productId: l.productId, optionId: l.optionId, quantity: l.quantity })),
    })),
    now,
  );
}

/** The stock request of one order, as `order.batch.placed` carries it. */
export type StockRequest = PayloadOf<typeof orderBatchPlaced>['orders'][number];

/** Asks business-service to reserve the stock of these orders: one `order.batch.placed` per 1 000 orders, in the caller's transaction. */
export async function requestStock(em: EntityManager, outbox: Outbox, orders: StockRequest[], now: Date): Promise<void> {
  for (const chunk of chunks(orders, 1000)) {
    const batchId = uuidv7();
    await outbox.add(em, orderBatchPlaced, { aggregateId: batchId, aggregateVersion: 1, payload: { batchId, orders: chunk, placedAt: now.toISOString() } });
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
