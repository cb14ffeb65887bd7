import type { Page, PaymentMethodDto, PaymentMethodSetupDto, RegisterPaymentMethodRequest } from '@roastery/contracts';
import { apiRequest } from '../../common/apiClient';

/** HTTP calls of user-service's saved cards (/api/payment-methods). */
export const paymentMethodsApi = {
  /** How to open the billing-auth window for this account (sandbox form or the Toss SDK). */
  setup: (token: string | null) => apiRequest<PaymentMethodSetupDto>('/api/payment-methods/setup', { token }),
  list: (token: string | null) => apiRequest<Page<PaymentMethodDto>>('/api/payment-methods', { token }),
  /** Exchanges the window's authKey for a saved card; the key makes a repeated post return the same card. */
  register: (token: string | null, body: RegisterPaymentMethodRequest, idempotencyKey: string) =>
    apiRequest<PaymentMethodDto>('/api/payment-methods', { method: 'POST', token, body, headers: { 'Idempotency-Key': idempotencyKey } }),
  setDefault: (token: string | null, id: string) =>
    apiRequest<PaymentMethodDto>(`/api/payment-methods/${encodeURIComponent(id)}/default`, { method: 'POST', token }),
  remove: (token: string | null, id: string) => apiRequest<void>(`/api/payment-methods/${encodeURIComponent(id)}`, { method: 'DELETE', token }),
};
