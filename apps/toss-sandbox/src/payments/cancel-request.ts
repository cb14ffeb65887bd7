import { z } from 'zod';
import { invalidRequest } from '../billing/billing-requests';

const won = z.number().int().min(0);

const cancelShape = z.looseObject({
  cancelReason: z.string().min(1).max(200),
  cancelAmount: z.number().int().positive().nullish(),
  refundableAmount: won.nullish(),
  taxFreeAmount: won.nullish(),
  currency: z.literal('KRW').nullish(),
});

/** Validates `POST /v1/payments/{paymentKey}/cancel` (integer won; only KRW). */
export function parseCancelRequest(body: unknown): z.infer<typeof cancelShape> {
  const parsed = cancelShape.safeParse(body);
  if (!parsed.success) throw invalidRequest(parsed.error);
  return parsed.data;
}
