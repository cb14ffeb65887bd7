import { type BillingRunDto, type BillingRunStatus, BILLING_RUN_FINAL_STATUSES, type Page, type PageQuery } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

export type { BillingRunDto, BillingRunStatus };

/** Whether a run has reached COMPLETED or FAILED and will not change again. */
export const isFinalRun = (run: Pick<BillingRunDto, 'status'>): boolean => BILLING_RUN_FINAL_STATUSES.includes(run.status);

/** HTTP calls of admin-service's billing runs (/admin/billing). */
export const billingRunsApi = {
  /** Starts a run now (202 with the run); the key makes a repeated click return the same run. */
  start: (token: string | null, idempotencyKey: string) =>
    apiRequest<BillingRunDto>('/admin/billing/run', { method: 'POST', token, body: {}, headers: { 'Idempotency-Key': idempotencyKey } }),
  get: (token: string | null, id: string) => apiRequest<BillingRunDto>(`/admin/billing/runs/${encodeURIComponent(id)}`, { token }),
  list: (token: string | null, query: PageQuery) => apiRequest<Page<BillingRunDto>>('/admin/billing/runs', { token, query: { page: query.page, size: query.size } }),
};
