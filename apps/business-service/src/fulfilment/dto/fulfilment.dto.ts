import { z } from 'zod';
import type { PartnerOrderDto } from '../../partner-orders/dto/partner-order.dto';
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

/** One order of a bulk ship: shipped (with the order as it is now), or why not. */
export type BulkShipItemResult =
  | { orderId: string; outcome: 'SHIPPED'; order: PartnerOrderDto }
  | { orderId: string; outcome: 'FAILED'; code: 'NOT_FOUND' | 'INVALID_STATE'; message: string };

/** The answer of a bulk ship: one result per item, in the request's order. */
export interface BulkShipResultDto {
  shipped: number;
  failed: number;
  results: BulkShipItemResult[];
}

/** POST /partner/orders/:id/refund. */
export const partnerRefundRequestSchema = z.object({
  amount: z.number().int().positive(),
  reason: z.string().trim().min(1).max(200),
});
export type PartnerRefundRequest = z.output<typeof partnerRefundRequestSchema>;

/** How much of one option the unshipped orders need. */
export interface OptionDemandDto {
  optionId: string;
  productId: string;
  productName: string;
  optionLabel: string;
  /** Null when the option no longer exists. */
  weightGrams: number | null;
  units: number;
  /** units × weightGrams; null when the weight is unknown. */
  grams: number | null;
  orders: number;
}

/** The unshipped orders (PAID, PREPARING) to ship by one date, and what they need roasted. */
export interface QueueDayDto {
  shipBy: string;
  /** The date is before today in Asia/Seoul. */
  overdue: boolean;
  orders: PartnerOrderDto[];
  demand: OptionDemandDto[];
}

/** GET /partner/orders/queue. */
export interface FulfilmentQueueDto {
  /** Today in Asia/Seoul. */
  today: string;
  days: QueueDayDto[];
  /** Demand across every day. */
  demand: OptionDemandDto[];
  total: number;
  /** More unshipped orders exist than the queue shows (the oldest are shown). */
  truncated: boolean;
  refundLimitWon: number;
}
