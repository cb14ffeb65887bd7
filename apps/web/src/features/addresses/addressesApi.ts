import type { AddressDto, CreateAddressBody, Page } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

/** HTTP calls of user-service's shipping address endpoints (/api/me/addresses). */
export const addressesApi = {
  /** Ten at most, so one page holds them all. */
  list: (token: string | null) => apiRequest<Page<AddressDto>>('/api/me/addresses', { token, query: { size: 20 } }),
  /** The idempotency key makes a retried save (after a token refresh, a flaky network) safe. */
  create: (token: string | null, body: CreateAddressBody, idempotencyKey: string) =>
    apiRequest<AddressDto>('/api/me/addresses', { method: 'POST', token, body, headers: { 'Idempotency-Key': idempotencyKey } }),
  setDefault: (token: string | null, id: string) =>
    apiRequest<AddressDto>(`/api/me/addresses/${encodeURIComponent(id)}/default`, { method: 'POST', token }),
  remove: (token: string | null, id: string) => apiRequest<void>(`/api/me/addresses/${encodeURIComponent(id)}`, { method: 'DELETE', token }),
};
