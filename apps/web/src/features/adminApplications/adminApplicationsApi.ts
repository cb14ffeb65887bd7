import type { ApplicationReviewDto, ApplicationStatus, Page } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

export interface ReviewQueueQuery {
  /** null lists every status. */
  status: ApplicationStatus | null;
  page: number;
  size: number;
}

/** HTTP calls of admin-service's partner review endpoints. */
export const adminApplicationsApi = {
  list: (token: string | null, query: ReviewQueueQuery) =>
    apiRequest<Page<ApplicationReviewDto>>('/admin/applications', {
      token,
      query: { status: query.status, page: query.page, size: query.size },
    }),
  approve: (token: string | null, id: string) =>
    apiRequest<ApplicationReviewDto>(`/admin/applications/${encodeURIComponent(id)}/approve`, { method: 'POST', token, body: {} }),
  reject: (token: string | null, id: string, reason: string) =>
    apiRequest<ApplicationReviewDto>(`/admin/applications/${encodeURIComponent(id)}/reject`, {
      method: 'POST',
      token,
      body: { reason },
    }),
};
