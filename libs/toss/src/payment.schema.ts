import { z } from 'zod';
import { amountSchema, openEnum } from './common.schema';

/** Payment statuses documented by Toss; billing charges normally show DONE, PARTIAL_CANCELED or CANCELED. */
export type TossPaymentStatus =
  | 'READY'
  | 'IN_PROGRESS'
  | 'WAITING_FOR_DEPOSIT'
  | 'DONE'
  | 'CANCELED'
  | 'PARTIAL_CANCELED'
  | 'ABORTED'
  | 'EXPIRED';

/** The `card` block of a Payment (masked number only; Toss never returns the full number). */
export const tossPaymentCardSchema = z.looseObject({
  amount: amountSchema.nullish(),
  issuerCode: z.string().nullish(),
  acquirerCode: z.string().nullish(),
  number: z.string().nullish(),
  installmentPlanMonths: z.number().nullish(),
  approveNo: z.string().nullish(),
  useCardPoint: z.boolean().nullish(),
  cardType: z.string().nullish(),
  ownerType: z.string().nullish(),
  acquireStatus: z.string().nullish(),
  isInterestFree: z.boolean().nullish(),
  interestPayer: z.string().nullish(),
});

/** One entry of `Payment.cancels`: a full or partial cancel and the balance left after it. */
export const tossCancelSchema = z.looseObject({
  cancelAmount: amountSchema,
  cancelReason: z.string().nullish(),
  taxFreeAmount: amountSchema.nullish(),
  taxExemptionAmount: amountSchema.nullish(),
  refundableAmount: amountSchema.nullish(),
  cardDiscountAmount: amountSchema.nullish(),
  transferDiscountAmount: amountSchema.nullish(),
  easyPayDiscountAmount: amountSchema.nullish(),
  canceledAt: z.string(),
  transactionKey: z.string(),
  receiptKey: z.string().nullish(),
  cancelStatus: z.string().nullish(),
  cancelRequestId: z.string().nullish(),
});

/** The Toss Payment object, parsed leniently: unknown fields are kept, unknown enum values accepted. */
export const tossPaymentSchema = z.looseObject({
  mId: z.string().nullish(),
  version: z.string().nullish(),
  paymentKey: z.string(),
  lastTransactionKey: z.string().nullish(),
  orderId: z.string(),
  orderName: z.string().nullish(),
  status: openEnum<TossPaymentStatus>(),
  type: openEnum<'NORMAL' | 'BILLING' | 'BRANDPAY'>().nullish(),
  method: z.string().nullish(),
  currency: z.string().nullish(),
  country: z.string().nullish(),
  requestedAt: z.string().nullish(),
  approvedAt: z.string().nullish(),
  totalAmount: amountSchema,
  balanceAmount: amountSchema,
  suppliedAmount: amountSchema.nullish(),
  vat: amountSchema.nullish(),
  taxFreeAmount: amountSchema.nullish(),
  taxExemptionAmount: amountSchema.nullish(),
  isPartialCancelable: z.boolean().nullish(),
  useEscrow: z.boolean().nullish(),
  cultureExpense: z.boolean().nullish(),
  card: tossPaymentCardSchema.nullish(),
  cancels: z.array(tossCancelSchema).nullish(),
  failure: z.looseObject({ code: z.string(), message: z.string().nullish() }).nullish(),
  receipt: z.looseObject({ url: z.string().nullish() }).nullish(),
  checkout: z.looseObject({ url: z.string().nullish() }).nullish(),
  secret: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

/** A parsed Toss Payment. */
export type TossPayment = z.infer<typeof tossPaymentSchema>;
/** A parsed entry of `Payment.cancels`. */
export type TossCancel = z.infer<typeof tossCancelSchema>;
