import { pageQuerySchema } from '@roastery/contracts';
import { z } from 'zod';
import { PARTNER_ORDER_STATUSES, type PartnerOrderStatus, type ShipTo } from '../partner-order.entity';

/** GET /partner/orders: pages of the orders routed to the caller's partners, optionally of one status. */
export const partnerOrderListQuerySchema = pageQuerySchema.extend({ status: z.enum(PARTNER_ORDER_STATUSES).optional() });
export type PartnerOrderListQuery = z.output<typeof partnerOrderListQuerySchema>;

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
  status: PartnerOrderStatus;
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
