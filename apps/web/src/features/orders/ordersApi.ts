import type { OrderDto, OrderSummaryDto, Page } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

/** Orders per page on My page → 주문 내역. */
export const ORDERS_PAGE_SIZE = 20;

/** HTTP calls of user-service's orders (/api/orders). */
export const ordersApi = {
  list: (token: string | null, page: number) => apiRequest<Page<OrderSummaryDto>>('/api/orders', { token, query: { page, size: ORDERS_PAGE_SIZE } }),
  get: (token: string | null, id: string) => apiRequest<OrderDto>(`/api/orders/${encodeURIComponent(id)}`, { token }),
};
