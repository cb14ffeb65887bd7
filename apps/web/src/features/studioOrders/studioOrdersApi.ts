import type { Page } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

/*
 * business-service's partner order DTOs (apps/business-service/src/partner-orders/dto and
 * src/fulfilment/dto). They are not in @roastery/contracts yet; only the fields the console reads
 * are listed here.
 */

export type PartnerOrderStatus = 'PAID' | 'PREPARING' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'RETURN_REQUESTED' | 'RETURNED';

export interface PartnerOrderLine {
  optionId: string;
  productName: string;
  optionLabel: string;
  quantity: number;
  amountWon: number;
}

export interface PartnerRefund {
  refundId: string;
  requestedBy: 'ADMIN' | 'PARTNER' | 'SUBSCRIBER' | 'SYSTEM';
  amountWon: number | null;
  refundedWon: number | null;
  reason: string;
  status: 'REQUESTED' | 'COMPLETED' | 'REFUSED';
  refusedMessage: string | null;
  requestedAt: string;
}

export interface PartnerOrder {
  id: string;
  orderId: string;
  status: PartnerOrderStatus;
  itemsTotalWon: number;
  totalWon: number;
  shipTo: { recipient: string; phone: string; postalCode: string; line1: string; line2: string } | null;
  paidAt: string;
  shipBy: string;
  version: number;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  returnReason: string | null;
  returnRequestedAt: string | null;
  lines: PartnerOrderLine[];
  refunds: PartnerRefund[];
  refundableWon: number;
}

export interface OptionDemand {
  optionId: string;
  productName: string;
  optionLabel: string;
  weightGrams: number | null;
  units: number;
  grams: number | null;
  orders: number;
}

export interface QueueDay {
  shipBy: string;
  overdue: boolean;
  orders: PartnerOrder[];
  demand: OptionDemand[];
}

export interface FulfilmentQueue {
  today: string;
  days: QueueDay[];
  demand: OptionDemand[];
  total: number;
  truncated: boolean;
  refundLimitWon: number;
}

export interface ShipItem {
  orderId: string;
  carrier: string;
  trackingNumber: string;
}

export type BulkShipItemResult =
  | { orderId: string; outcome: 'SHIPPED'; order: PartnerOrder }
  | { orderId: string; outcome: 'FAILED'; code: 'NOT_FOUND' | 'INVALID_STATE'; message: string };

export interface BulkShipResult {
  shipped: number;
  failed: number;
  results: BulkShipItemResult[];
}

export type OrderAction = 'prepare' | 'deliver' | 'returned';

const path = (id: string, action: string) => `/partner/orders/${encodeURIComponent(id)}/${action}`;

/** HTTP calls of business-service's fulfilment routes (the caller's partners' orders only). */
export const studioOrdersApi = {
  queue: (token: string | null) => apiRequest<FulfilmentQueue>('/partner/orders/queue', { token }),
  /** Orders of one status (shipped ones to mark delivered, returns to confirm), oldest 100 first pages aside. */
  byStatus: (token: string | null, status: PartnerOrderStatus) => apiRequest<Page<PartnerOrder>>('/partner/orders', { token, query: { status, size: 100 } }),
  /** Ships many orders at once; the key makes a retried click replay the first answer. */
  shipMany: (token: string | null, items: ShipItem[], idempotencyKey: string) =>
    apiRequest<BulkShipResult>('/partner/orders/ship', { method: 'POST', token, body: { items }, headers: { 'Idempotency-Key': idempotencyKey } }),
  act: (token: string | null, id: string, action: OrderAction) => apiRequest<PartnerOrder>(path(id, action), { method: 'POST', token, body: {} }),
  refund: (token: string | null, id: string, body: { amount: number; reason: string }, idempotencyKey: string) =>
    apiRequest<{ refundId: string }>(path(id, 'refund'), { method: 'POST', token, body, headers: { 'Idempotency-Key': idempotencyKey } }),
};
