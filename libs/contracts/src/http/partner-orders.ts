import { z } from 'zod';
import { FULFILMENT_STATUSES, type FulfilmentStatus } from '../events/fulfilment';
import type { ShipTo } from '../events/order';
import { pageQuerySchema } from './pagination';

/*
 * business-service's partner orders and fulfilment routes (/partner/orders…): the orders routed to
 * a partner, the fulfilment queue, bulk shipping and partner refunds, as the studio console reads them.
 * The ship request schemas stay in business-service (they normalise with its fulfilment rules);
 * ShipItemRequest is their wire shape.
 */

/** GET /partner/orders: pages of the orders routed to the caller's partners, optionally of one status. */
export const partnerOrderListQuerySchema = pageQuerySchema.extend({ status: z.enum(FULFILMENT_STATUSES).optional() });
export type PartnerOrderListQuery = z.output<typeof partnerOrderListQuerySchema>;

/** POST /partner/orders/:id/refund. */
export const partnerRefundRequestSchema = z.object({
  amount: z.number().int().positive(),
  reason: z.string().trim().min(1).max(200),
});
export type PartnerRefundRequest = z.output<typeof partnerRefundRequestSchema>;

/** One item of POST /partner/orders/ship as sent (business-service trims and normalises it). */
export interface ShipItemRequest {
  orderId: string;
  carrier: string;
  trackingNumber: string;
}

/** One line of a routed order as its partner sees it. */
export interface PartnerOrderLineDto {
  lineId: string | null;
  catalogItemId: string;
  productId: string;
  optionId: string;
  productName: string;
  optionLabel: string;
  quantity: number;
  unitPriceWon: number;
  amountWon: number;
}

/** The part of a paid order one partner fulfils. */
export interface PartnerOrderDto {
  id: string;
  orderId: string;
  partnerId: string;
  subscriptionId: string | null;
  status: FulfilmentStatus;
  itemsTotalWon: number;
  shippingFeeWon: number;
  totalWon: number;
  shipTo: ShipTo | null;
  /** False when the order was paid without a held reservation: check the stock before preparing. */
  stockReserved: boolean;
  paidAt: string;
  /** The date to ship by (YYYY-MM-DD): the next business day after the paid date in Asia/Seoul. */
  shipBy: string;
  /** Grows with every status change. */
  version: number;
  carrier: string | null;
  trackingNumber: string | null;
  preparedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  returnRequestedAt: string | null;
  returnReason: string | null;
  returnedAt: string | null;
  /** The subscriber confirmed the purchase: no more returns. */
  confirmedAt: string | null;
  lines: PartnerOrderLineDto[];
  /** Refunds of this partner's lines, oldest first (the partner's own, and those seen completed for others). */
  refunds: PartnerRefundDto[];
  /** What is left of the lines' paid amount after requested and completed refunds. */
  refundableWon: number;
}

/** A refund of a partner order's lines. */
export interface PartnerRefundDto {
  refundId: string;
  requestedBy: 'ADMIN' | 'PARTNER' | 'SUBSCRIBER' | 'SYSTEM';
  /** Asked for; null for a whole-balance refund (a cancellation). */
  amountWon: number | null;
  /** Given back of this partner's lines, once completed. */
  refundedWon: number | null;
  reason: string;
  status: 'REQUESTED' | 'COMPLETED' | 'REFUSED';
  refusedCode: string | null;
  refusedMessage: string | null;
  requestedAt: string;
  decidedAt: string | null;
}

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
