import type { AdminPartnerDto, Page, PartnerListQuery } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

export type { AdminPartnerDto, PartnerListQuery };

const path = (id: string, action: string) => `/admin/partners/${encodeURIComponent(id)}/${action}`;

/** HTTP calls of admin-service's partner management endpoints. */
export const adminPartnersApi = {
  list: (token: string | null, query: PartnerListQuery) => apiRequest<Page<AdminPartnerDto>>('/admin/partners', { token, query: { page: query.page, size: query.size } }),
  /** Suspending takes the partner's items off sale; reinstating puts the approved ones back. */
  suspend: (token: string | null, id: string, reason: string) => apiRequest<AdminPartnerDto>(path(id, 'suspend'), { method: 'POST', token, body: { reason } }),
  reinstate: (token: string | null, id: string, reason: string) => apiRequest<AdminPartnerDto>(path(id, 'reinstate'), { method: 'POST', token, body: { reason } }),
  /** A trusted partner's small edits (stock, description) skip review. */
  trust: (token: string | null, id: string, trusted: boolean) => apiRequest<AdminPartnerDto>(path(id, 'trust'), { method: 'POST', token, body: { trusted } }),
};
