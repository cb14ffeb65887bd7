import type { CreatedSubscriptionDto, CreateSubscriptionRequest, OrderSummaryDto, Page, SubscriptionDto, SubscriptionTermsDto, UpdateSubscriptionRequest } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

/** Subscriptions per page on My page → 정기배송. */
export const SUBSCRIPTIONS_PAGE_SIZE = 10;
/** Recent boxes shown on a subscription's page. */
export const RECENT_BOXES = 5;

const path = (id: string, action?: string) => `/api/subscriptions/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** HTTP calls of user-service's subscriptions (/api/subscriptions). */
export const subscriptionsApi = {
  /** The terms in force (version, shipping policy) shown beside the consent checkbox. */
  terms: () => apiRequest<SubscriptionTermsDto>('/api/subscriptions/terms'),
  /** Charges the first box; the key makes a retried post (after a lost answer) return the same subscription. */
  create: (token: string | null, body: CreateSubscriptionRequest, idempotencyKey: string) =>
    apiRequest<CreatedSubscriptionDto>('/api/subscriptions', { method: 'POST', token, body, headers: { 'Idempotency-Key': idempotencyKey } }),
  list: (token: string | null, page: number) => apiRequest<Page<SubscriptionDto>>('/api/subscriptions', { token, query: { page, size: SUBSCRIPTIONS_PAGE_SIZE } }),
  get: (token: string | null, id: string) => apiRequest<SubscriptionDto>(path(id), { token }),
  /** The boxes of one subscription, newest first. */
  boxes: (token: string | null, id: string) => apiRequest<Page<OrderSummaryDto>>('/api/orders', { token, query: { subscriptionId: id, size: RECENT_BOXES } }),
  /** One order, to follow a first box still on its way. */
  order: (token: string | null, orderId: string) => apiRequest<OrderSummaryDto>(`/api/orders/${encodeURIComponent(orderId)}`, { token }),
  update: (token: string | null, id: string, body: UpdateSubscriptionRequest) => apiRequest<SubscriptionDto>(path(id), { method: 'PATCH', token, body }),
  skip: (token: string | null, id: string) => apiRequest<SubscriptionDto>(path(id, 'skip'), { method: 'POST', token }),
  pause: (token: string | null, id: string, until: string | undefined) => apiRequest<SubscriptionDto>(path(id, 'pause'), { method: 'POST', token, body: until ? { until } : {} }),
  resume: (token: string | null, id: string, date: string | undefined) => apiRequest<SubscriptionDto>(path(id, 'resume'), { method: 'POST', token, body: date ? { date } : {} }),
  cancel: (token: string | null, id: string, reason: string) => apiRequest<SubscriptionDto>(path(id, 'cancel'), { method: 'POST', token, body: { reason } }),
  /** Agrees to a partner's announced price rise. */
  acceptPrice: (token: string | null, id: string) => apiRequest<SubscriptionDto>(path(id, 'accept-price'), { method: 'POST', token }),
  reactivate: (token: string | null, id: string) => apiRequest<SubscriptionDto>(path(id, 'reactivate'), { method: 'POST', token }),
};
