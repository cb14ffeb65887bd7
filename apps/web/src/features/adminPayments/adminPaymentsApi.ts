import type { Page, PaymentDetailDto, PaymentStatusDto, PaymentSummaryDto, ReconciliationReportDto, RefundDto, RefundRequestBody, RefundRequestedDto } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

/* admin-service's payment oversight (/admin/payments, /admin/refunds); the shapes are in @roastery/contracts. */

/** The search form's filters (empty strings are left out of the request). */
export interface PaymentFilters {
  subscriber: string;
  partnerId: string;
  orderId: string;
  status: '' | PaymentStatusDto;
  from: string;
  to: string;
}

export interface PaymentsQuery extends PaymentFilters {
  page: number;
  size: number;
}

export const emptyFilters: PaymentFilters = { subscriber: '', partnerId: '', orderId: '', status: '', from: '', to: '' };

/** Whether a refund has its answer from user-service. */
export const isFinalRefund = (r: Pick<RefundDto, 'status'>): boolean => r.status !== 'REQUESTED';

/** HTTP calls of admin-service's payment oversight. */
export const adminPaymentsApi = {
  search: (token: string | null, q: PaymentsQuery) =>
    apiRequest<Page<PaymentSummaryDto>>('/admin/payments', { token, query: { ...q } }),
  detail: (token: string | null, orderId: string) => apiRequest<PaymentDetailDto>(`/admin/payments/${encodeURIComponent(orderId)}`, { token }),
  /** Asks for a refund (202); the key makes a repeated click ask once. */
  requestRefund: (token: string | null, orderId: string, body: RefundRequestBody, idempotencyKey: string) =>
    apiRequest<RefundRequestedDto>(`/admin/payments/${encodeURIComponent(orderId)}/refund`, { method: 'POST', token, body, headers: { 'Idempotency-Key': idempotencyKey } }),
  refund: (token: string | null, refundId: string) => apiRequest<RefundDto>(`/admin/refunds/${encodeURIComponent(refundId)}`, { token }),
  reconciliation: (token: string | null, date: string) => apiRequest<ReconciliationReportDto>('/admin/payments/reconciliation', { token, query: { date } }),
};
