import type { MyApplicationsDto, PartnerApplicationDto, partnerApplicationRequestSchema } from '@roastery/contracts';
import type { z } from 'zod';
import { apiRequest } from '../../common/apiClient';

/** The body as the shared schema outputs it (digits only, trimmed). */
export type PartnerApplicationBody = z.output<typeof partnerApplicationRequestSchema>;

/** HTTP calls of business-service's partner application endpoints. */
export const partnerApplicationApi = {
  mine: (token: string | null) => apiRequest<MyApplicationsDto>('/partner/applications/me', { token }),
  /** The idempotency key makes a retried submit (after a token refresh, a flaky network) safe. */
  submit: (token: string | null, body: PartnerApplicationBody, idempotencyKey: string) =>
    apiRequest<PartnerApplicationDto>('/partner/applications', {
      method: 'POST',
      token,
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
};
