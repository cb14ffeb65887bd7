import { z } from 'zod';
import { tossPaymentSchema, type TossPayment } from './payment.schema';

/** `PAYMENT_STATUS_CHANGED`: data is the full Payment (unsigned; re-fetch before acting). */
export const paymentStatusChangedSchema = z.looseObject({
  eventType: z.literal('PAYMENT_STATUS_CHANGED'),
  createdAt: z.string(),
  data: tossPaymentSchema,
});

/** `BILLING_DELETED`: a billing key was deleted (reason is nullable). */
export const billingDeletedSchema = z.looseObject({
  eventType: z.literal('BILLING_DELETED'),
  createdAt: z.string(),
  data: z.looseObject({ billingKey: z.string(), reason: z.string().nullish() }),
});

/** A webhook body this library understands, or any other event kept raw. */
export type TossWebhookEvent =
  | { eventType: 'PAYMENT_STATUS_CHANGED'; createdAt: string; data: TossPayment }
  | { eventType: 'BILLING_DELETED'; createdAt: string; data: { billingKey: string; reason?: string | null } }
  | { eventType: 'UNKNOWN'; originalEventType: string | null; raw: unknown };

/** Parses a webhook body; events of unknown type (Toss adds them without notice) come back as UNKNOWN. */
export function parseTossWebhook(body: unknown): TossWebhookEvent {
  const type = typeof body === 'object' && body !== null ? (body as { eventType?: unknown }).eventType : undefined;
  if (type === 'PAYMENT_STATUS_CHANGED') return paymentStatusChangedSchema.parse(body);
  if (type === 'BILLING_DELETED') return billingDeletedSchema.parse(body);
  return { eventType: 'UNKNOWN', originalEventType: typeof type === 'string' ? type : null, raw: body };
}
