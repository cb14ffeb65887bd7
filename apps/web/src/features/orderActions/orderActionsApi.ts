import type { OrderDto, OrderRequestAcceptedDto } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

const path = (id: string, action: string) => `/api/orders/${encodeURIComponent(id)}/${action}`;

/** HTTP calls of a subscriber's order actions (user-service /api/orders/:id/cancel|return|confirm). */
export const orderActionsApi = {
  cancel: (token: string | null, id: string, reason: string) => apiRequest<OrderRequestAcceptedDto>(path(id, 'cancel'), { token, method: 'POST', body: { reason } }),
  requestReturn: (token: string | null, id: string, reason: string) => apiRequest<OrderRequestAcceptedDto>(path(id, 'return'), { token, method: 'POST', body: { reason } }),
  confirm: (token: string | null, id: string) => apiRequest<OrderDto>(path(id, 'confirm'), { token, method: 'POST' }),
};
