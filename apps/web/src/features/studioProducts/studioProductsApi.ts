import type { Page, PartnerProductDto, createProductRequestSchema, stockUpdateRequestSchema, updateProductRequestSchema } from '@roastery/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../common/apiClient';

/** Bodies as the shared schemas output them (trimmed, defaults filled). */
export type CreateProductBody = z.output<typeof createProductRequestSchema>;
export type UpdateProductBody = z.output<typeof updateProductRequestSchema>;
export type StockUpdateBody = z.output<typeof stockUpdateRequestSchema>;

export interface ProductListQuery {
  page: number;
  size: number;
}

const path = (id: string, action = '') => `/partner/products/${encodeURIComponent(id)}${action}`;

/** A list answered as a page, or (from an older build) as a bare array. */
export function asPage<T>(body: Page<T> | T[], query: ProductListQuery): Page<T> {
  return Array.isArray(body) ? { items: body, page: query.page, size: query.size, total: body.length } : body;
}

/** HTTP calls of business-service's partner product endpoints (the caller's own products only). */
export const studioProductsApi = {
  list: (token: string | null, query: ProductListQuery) =>
    apiRequest<Page<PartnerProductDto> | PartnerProductDto[]>('/partner/products', { token, query: { page: query.page, size: query.size } }).then(
      (body) => asPage(body, query),
    ),
  get: (token: string | null, id: string) => apiRequest<PartnerProductDto>(path(id), { token }),
  /** The idempotency key makes a create retried after a token refresh or a flaky network safe. */
  create: (token: string | null, body: CreateProductBody, idempotencyKey: string) =>
    apiRequest<PartnerProductDto>('/partner/products', { method: 'POST', token, body, headers: { 'Idempotency-Key': idempotencyKey } }),
  update: (token: string | null, id: string, body: UpdateProductBody) => apiRequest<PartnerProductDto>(path(id), { method: 'PATCH', token, body }),
  submit: (token: string | null, id: string) => apiRequest<PartnerProductDto>(path(id, '/submit'), { method: 'POST', token, body: {} }),
  updateStock: (token: string | null, id: string, body: StockUpdateBody) =>
    apiRequest<PartnerProductDto | undefined>(path(id, '/stock'), { method: 'PATCH', token, body }),
  withdraw: (token: string | null, id: string) => apiRequest<PartnerProductDto>(path(id, '/withdraw'), { method: 'POST', token, body: {} }),
};
