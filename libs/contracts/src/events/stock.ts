import { z } from 'zod';
import { defineEvent } from './define-event';

const at = z.iso.datetime({ offset: true });

/** One line to reserve stock for. */
const reservationLineSchema = z.object({
  lineId: z.uuid(),
  partnerId: z.uuid(),
  productId: z.uuid(),
  optionId: z.uuid(),
  quantity: z.number().int().positive().max(1000),
});

/**
 * user-service placed orders and asks business-service to reserve their stock (step 1 of the order
 * saga). Batched, so a billing run reserves hundreds of renewals in one transaction; a single
 * order is a batch of one. Each order is reserved wholly or not at all.
 */
export const orderBatchPlaced = defineEvent(
  'order.batch.placed',
  1,
  z.object({
    batchId: z.uuid(),
    orders: z
      .array(z.object({ orderId: z.uuid(), lines: z.array(reservationLineSchema).min(1).max(50) }))
      .min(1)
      .max(1000),
    placedAt: at,
  }),
);

/** business-service's answer to one `order.batch.placed`: per order, reserved or refused. */
export const stockBatchReserved = defineEvent(
  'stock.batch.reserved',
  1,
  z.object({
    batchId: z.uuid(),
    results: z
      .array(
        z.discriminatedUnion('outcome', [
          z.object({ orderId: z.uuid(), outcome: z.literal('RESERVED') }),
          z.object({
            orderId: z.uuid(),
            outcome: z.literal('REFUSED'),
            /**
             * OUT_OF_STOCK, or UNKNOWN_OPTION / PRODUCT_UNAVAILABLE when the line no longer exists or is not sellable;
             * ORDER_VOIDED when `order.voided` for the order arrived before its batch (nothing is held).
             */
            reason: z.enum(['OUT_OF_STOCK', 'UNKNOWN_OPTION', 'PRODUCT_UNAVAILABLE', 'ORDER_VOIDED']),
            lines: z.array(z.object({ optionId: z.uuid(), requested: z.number().int().positive(), available: z.number().int().nonnegative() })),
          }),
        ]),
      )
      .min(1),
    decidedAt: at,
  }),
);

/**
 * The order's charge definitely failed (or the order was abandoned): business-service releases its
 * reservation. Releasing twice, or releasing an order never reserved, is a no-op.
 */
export const orderVoided = defineEvent(
  'order.voided',
  1,
  z.object({
    orderId: z.uuid(),
    reason: z.enum(['PAYMENT_FAILED', 'CANCELLED']),
    voidedAt: at,
  }),
);
