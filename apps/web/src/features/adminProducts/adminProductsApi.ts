import type { approveProductRequestSchema, Page, ProductReviewDto, ProductReviewStatus } from '@roastery/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../common/apiClient';

export type ApproveProductBody = z.output<typeof approveProductRequestSchema>;

export interface ProductReviewQuery {
  /** null lists every status. */
  status: ProductReviewStatus | null;
  page: number;
  size: number;
}

const path = (id: string, action: string) => `/admin/product-reviews/${encodeURIComponent(id)}/${action}`;

/** HTTP calls of admin-service's product review endpoints. */
export const adminProductsApi = {
  list: (token: string | null, query: ProductReviewQuery) =>
    apiRequest<Page<ProductReviewDto>>('/admin/product-reviews', { token, query: { status: query.status, page: query.page, size: query.size } }),
  /** With `mergeInto`, the submission is folded into that product as its new version. */
  approve: (token: string | null, id: string, body: ApproveProductBody) => apiRequest<ProductReviewDto>(path(id, 'approve'), { method: 'POST', token, body }),
  reject: (token: string | null, id: string, reason: string) => apiRequest<ProductReviewDto>(path(id, 'reject'), { method: 'POST', token, body: { reason } }),
};
