import type { CatalogMasterEntryDto, Page } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

export interface CatalogMasterQuery {
  page: number;
  size: number;
}

/** HTTP calls of admin-service's catalog master. */
export const adminCatalogApi = {
  list: (token: string | null, query: CatalogMasterQuery) =>
    apiRequest<Page<CatalogMasterEntryDto>>('/admin/catalog', { token, query: { page: query.page, size: query.size } }),
};
