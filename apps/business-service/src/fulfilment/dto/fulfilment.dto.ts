import { z } from 'zod';
import { normaliseCarrier, normaliseTracking } from '../fulfilment.rules';

const carrier = z
  .string()
  .transform((s, ctx) => normaliseCarrier(s) ?? (ctx.addIssue({ code: 'custom', message: 'a carrier name of 1–40 characters' }), z.NEVER));
const trackingNumber = z
  .string()
  .max(60)
  .transform((s, ctx) => normaliseTracking(s) ?? (ctx.addIssue({ code: 'custom', message: '8–30 letters or digits (spaces and hyphens are ignored)' }), z.NEVER));

/** POST /partner/orders/:id/ship. */
export const shipRequestSchema = z.object({ carrier, trackingNumber });
export type ShipRequest = z.output<typeof shipRequestSchema>;

/** Most orders one bulk ship may name. */
export const BULK_SHIP_MAX = 200;

/**
 * POST /partner/orders/ship: up to 200 orders, each with its own carrier and tracking number. A
 * malformed item, or one order named twice, refuses the whole request (400); state and ownership
 * are answered per item (ADR 0018).
 */
export const bulkShipRequestSchema = z.object({
  items: z
    .array(z.object({ orderId: z.uuid(), carrier, trackingNumber }))
    .min(1)
    .max(BULK_SHIP_MAX)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((it, i) => {
        if (seen.has(it.orderId)) ctx.addIssue({ code: 'custom', path: [i, 'orderId'], message: 'this order is named twice' });
        seen.add(it.orderId);
      });
    }),
});
export type BulkShipRequest = z.output<typeof bulkShipRequestSchema>;

