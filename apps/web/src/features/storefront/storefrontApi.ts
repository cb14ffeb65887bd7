import type { CatalogItemDetailDto, CatalogItemSummaryDto, Page, PopularItemsDto } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';
import { toCatalogApiQuery, type CatalogFilters } from './catalogQuery';

export type PopularWindow = PopularItemsDto['window'];

/** HTTP calls of user-service's public catalog (no token needed). */
export const storefrontApi = {
  list: (filters: CatalogFilters, size: number) =>
    apiRequest<Page<CatalogItemSummaryDto>>('/api/catalog/items', { query: toCatalogApiQuery(filters, size) }),
  item: (id: string) => apiRequest<CatalogItemDetailDto>(`/api/catalog/items/${encodeURIComponent(id)}`),
  popular: (window: PopularWindow, size: number) => apiRequest<PopularItemsDto>('/api/catalog/popular', { query: { window, size } }),
};
