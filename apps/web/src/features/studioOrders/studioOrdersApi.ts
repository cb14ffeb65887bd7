import type { BulkShipResultDto, FulfilmentQueueDto, FulfilmentStatus, Page, PartnerOrderDto, PartnerRefundRequest, ShipItemRequest } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

/* business-service's partner order and fulfilment routes; the shapes are in @roastery/contracts. */

export type OrderAction = 'prepare' | 'deliver' | 'returned';

const path = (id: string, action: string) => `/partner/orders/${encodeURIComponent(id)}/${action}`;

/** HTTP calls of business-service's fulfilment routes (the caller's partners' orders only). */
export const studioOrdersApi = {
  queue: (token: string | null) => apiRequest<FulfilmentQueueDto>('/partner/orders/queue', { token }),
  /** Orders of one status (shipped ones to mark delivered, returns to confirm), oldest 100 first pages aside. */
  byStatus: (token: string | null, status: FulfilmentStatus) => apiRequest<Page<PartnerOrderDto>>('/partner/orders', { token, query: { status, size: 100 } }),
  /** Ships many orders at once; the key makes a retried click replay the first answer. */
  shipMany: (token: string | null, items: ShipItemRequest[], idempotencyKey: string) =>
    apiRequest<BulkShipResultDto>('/partner/orders/ship', { method: 'POST', token, body: { items }, headers: { 'Idempotency-Key': idempotencyKey } }),
  act: (token: string | null, id: string, action: OrderAction) => apiRequest<PartnerOrderDto>(path(id, action), { method: 'POST', token, body: {} }),
  refund: (token: string | null, id: string, body: PartnerRefundRequest, idempotencyKey: string) =>
    apiRequest<{ refundId: string }>(path(id, 'refund'), { method: 'POST', token, body, headers: { 'Idempotency-Key': idempotencyKey } }),
};
