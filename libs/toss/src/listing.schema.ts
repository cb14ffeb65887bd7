import { z } from 'zod';
import { amountSchema, openEnum } from './common.schema';
import type { TossPaymentStatus } from './payment.schema';

/** One row of `GET /v1/transactions`: an approval or a cancel (both share the paymentKey). */
export const tossTransactionSchema = z.looseObject({
  mId: z.string().nullish(),
  transactionKey: z.string(),
  paymentKey: z.string(),
  orderId: z.string(),
  method: z.string().nullish(),
  customerKey: z.string().nullish(),
  useEscrow: z.boolean().nullish(),
  receiptUrl: z.string().nullish(),
  status: openEnum<TossPaymentStatus>(),
  transactionAt: z.string(),
  currency: z.string().nullish(),
  amount: amountSchema,
});

/** Settlement fee kinds documented by Toss (others may appear). */
export type TossSettlementFeeType = 'BASE' | 'INSTALLMENT_DISCOUNT' | 'INSTALLMENT' | 'POINT_SAVING' | 'ETC';

/**
 * One row of `GET /v1/settlements`. Cancels are their own rows with negative numbers; `fee`
 * (the total) is undocumented but present in real responses, and `fees` is sometimes absent.
 */
export const tossSettlementSchema = z.looseObject({
  mId: z.string().nullish(),
  paymentKey: z.string(),
  transactionKey: z.string().nullish(),
  orderId: z.string().nullish(),
  currency: z.string().nullish(),
  method: z.string().nullish(),
  amount: amountSchema,
  interestFee: amountSchema.nullish(),
  fee: amountSchema.nullish(),
  fees: z.array(z.looseObject({ type: openEnum<TossSettlementFeeType>(), fee: amountSchema })).nullish(),
  supplyAmount: amountSchema.nullish(),
  vat: amountSchema.nullish(),
  payOutAmount: amountSchema,
  approvedAt: z.string().nullish(),
  soldDate: z.string(),
  paidOutDate: z.string(),
  card: z.looseObject({}).nullish(),
  cancel: z.looseObject({}).nullish(),
});

/** A parsed transaction row. */
export type TossTransaction = z.infer<typeof tossTransactionSchema>;
/** A parsed settlement row. */
export type TossSettlement = z.infer<typeof tossSettlementSchema>;
