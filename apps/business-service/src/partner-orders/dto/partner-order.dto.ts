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
  lines: PartnerOrderLineDto[];
}
