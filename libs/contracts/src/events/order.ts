import { z } from 'zod';
import { defineEvent } from './define-event';

const at = z.iso.datetime({ offset: true });

/** The copy of the shipping address an order keeps (and the roaster ships to). */
export const shipToSchema = z.object({
  recipient: z.string().min(1).max(50),
  phone: z.string().min(1).max(20),
  postalCode: z.string().min(1).max(10),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200),
});
export type ShipTo = z.infer<typeof shipToSchema>;

/**
 * An order was paid (user-service): business-service commits its stock reservation and routes the
 * lines to their partners; popularity counts it. One payment may cover lines of several partners.
 */
export const orderPaid = defineEvent(
  'order.paid',
  1,
  z.object({
    orderId: z.uuid(),
    userId: z.uuid(),
    /** Null for a one-off (cart) order. */
    subscriptionId: z.uuid().nullable().default(null),
    lines: z
      .array(
        z.object({
          lineId: z.uuid().optional(),
          catalogItemId: z.uuid(),
          productId: z.uuid(),
          optionId: z.uuid(),
          partnerId: z.uuid(),
          productName: z.string().optional(),
          optionLabel: z.string().optional(),
          quantity: z.number().int().positive(),
          unitPriceWon: z.number().int().nonnegative(),
        }),
      )
      .min(1),
    /** Shipping fee charged per partner (0 above the free-shipping threshold). */
    shippingFees: z.array(z.object({ partnerId: z.uuid(), feeWon: z.number().int().nonnegative() })).default([]),
    totalWon: z.number().int().nonnegative(),
    shipTo: shipToSchema.nullable().default(null),
    paidAt: at,
    /**
     * Toss's paymentKey of the approved charge, and the orderId user-service gave Toss for it (one
     * per attempt). Optional (added for admin-service's reconciliation, ADR 0020); consumers that
     * reconcile with Toss match by them.
     */
    paymentKey: z.string().min(1).max(200).optional(),
    tossOrderId: z.string().min(6).max(64).optional(),
  }),
);

/**
 * The same paid orders as their `order.paid` events, a chunk at a time, for the one consumer that
 * must keep pace with a billing run: business-service commits the reservations and routes the
 * orders of a whole chunk in one transaction (ADR 0021). Every paid order is in exactly one batch;
 * the per-order `order.paid` stays for the others (popularity, payment oversight).
 */
export const orderBatchPaid = defineEvent(
  'order.batch.paid',
  1,
  z.object({
    batchId: z.uuid(),
    orders: z.array(orderPaid.schema).min(1).max(500),
  }),
);
