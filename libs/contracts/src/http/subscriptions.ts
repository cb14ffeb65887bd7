import type { OrderAfterSaleDto } from './orders';
import { z } from 'zod';
import type { OrderState } from './orders';

const date = z.iso.date();

/** POST /api/subscriptions. */
export const createSubscriptionSchema = z.strictObject({
  catalogItemId: z.uuid(),
  optionId: z.uuid(),
  quantity: z.number().int().min(1).max(20),
  intervalWeeks: z.union([z.literal(1), z.literal(2), z.literal(4)]),
  addressId: z.uuid(),
  paymentMethodId: z.uuid(),
  /** Consent to recurring payment under the current terms (recorded with its version and time). */
  agreeToRecurringPayment: z.literal(true),
  /** The terms version the subscriber was shown (GET /api/subscriptions/terms); a stale one is refused (409). */
  termsVersion: z.string().min(1).max(40).optional(),
  couponCode: z.string().trim().min(1).max(40).optional(),
  usePoints: z.number().int().min(0).max(10_000_000).optional(),
});
export type CreateSubscriptionRequest = z.infer<typeof createSubscriptionSchema>;

/** PATCH /api/subscriptions/:id: any of these; applied from the next box that is not being billed. */
export const updateSubscriptionSchema = z
  .strictObject({
    quantity: z.number().int().min(1).max(20).optional(),
    intervalWeeks: z.union([z.literal(1), z.literal(2), z.literal(4)]).optional(),
    catalogItemId: z.uuid().optional(),
    optionId: z.uuid().optional(),
    nextBillingDate: date.optional(),
    addressId: z.uuid().optional(),
    paymentMethodId: z.uuid().optional(),
    /** The version last read: a stale one is refused with 409 instead of overwriting a newer change. */
    version: z.number().int().min(1).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: 'nothing to change' });
export type UpdateSubscriptionRequest = z.infer<typeof updateSubscriptionSchema>;

export const pauseSubscriptionSchema = z.strictObject({ until: date.optional() });
export const resumeSubscriptionSchema = z.strictObject({ date: date.optional() });
export const cancelSubscriptionSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export const SUBSCRIPTION_STATUSES = ['ACTIVE', 'PAUSED', 'PAST_DUE', 'CANCELLED'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** GET /api/subscriptions/terms: what a subscriber agrees to and pays besides the coffee. */
export interface SubscriptionTermsDto {
  termsVersion: string;
  shipping: { feeWon: number; freeThresholdWon: number };
  /** Days before each charge that the subscriber is told its date and amount. */
  preChargeNoticeDays: number;
  /** Days a partner's price rise is announced before it may apply (with consent). */
  priceRiseNoticeDays: number;
}

/** What the next box will be and cost, as things stand. */
export interface UpcomingOrderPreviewDto {
  billingDate: string;
  itemName: string;
  optionLabel: string;
  quantity: number;
  unitPriceWon: number;
  merchandiseWon: number;
  shippingFeeWon: number;
  totalWon: number;
}

export interface SubscriptionDto {
  id: string;
  status: SubscriptionStatus;
  catalogItemId: string;
  optionId: string;
  itemName: string;
  optionLabel: string;
  quantity: number;
  intervalWeeks: 1 | 2 | 4;
  unitPriceWon: number;
  /** Null while paused without an end date, or cancelled. */
  nextBillingDate: string | null;
  pausedUntil: string | null;
  upcomingDates: string[];
  preview: UpcomingOrderPreviewDto | null;
  addressId: string;
  shipTo: { recipient: string; postalCode: string; line1: string; line2: string };
  paymentMethodId: string;
  /** A box being billed right now (reserving stock, charging, or retrying a declined card). */
  openOrder: { id: string; status: string; nextAttemptAt: string | null; lastFailureCode: string | null } | null;
  /** A partner's price rise: it applies from effectiveFrom, and only once consented (POST …/accept-price). */
  pendingPriceChange: { unitPriceWon: number; effectiveFrom: string; consentedAt: string | null } | null;
  /** Why a PAUSED subscription is paused: by the subscriber, or a price rise awaiting consent. */
  pauseReason: 'SUBSCRIBER' | 'PRICE_CONSENT' | null;
  consent: { termsVersion: string; consentedAt: string };
  cancelReason: string | null;
  cancelledAt: string | null;
  version: number;
  createdAt: string;
}

/** POST /api/subscriptions answers with the subscription and its first order. */
export interface CreatedSubscriptionDto {
  subscription: SubscriptionDto;
  firstOrder: OrderSummaryDto;
}

export const ORDER_STATUSES = ['PENDING_STOCK', 'READY_TO_CHARGE', 'CHARGING', 'RETRY_SCHEDULED', 'AWAITING_CARD', 'PAID', 'STOCK_REFUSED', 'PAYMENT_FAILED', 'CANCELLED'] as const;
export type OrderStatusDto = (typeof ORDER_STATUSES)[number];

export interface OrderSummaryDto {
  id: string;
  subscriptionId: string | null;
  cycle: number | null;
  status: OrderStatusDto;
  orderName: string;
  billingDate: string;
  totalWon: number;
  placedAt: string;
  paidAt: string | null;
  /**
   * Where a paid order stands after payment (shipped, delivered, cancelled …; docs/orders/order-states.md),
   * or null before it is paid. Lists show it, so a cancelled and refunded order does not look merely paid.
   */
  afterSaleState?: OrderState | null;
}

export interface OrderLineDto {
  id: string;
  partnerId: string;
  catalogItemId: string;
  optionId: string;
  productName: string;
  optionLabel: string;
  quantity: number;
  unitPriceWon: number;
  discountWon: number;
  lineTotalWon: number;
}

export interface PaymentDto {
  attempt: number;
  status: 'PENDING' | 'UNKNOWN' | 'APPROVED' | 'DECLINED';
  amountWon: number;
  failureCode: string | null;
  failureMessage: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface OrderDto extends OrderSummaryDto {
  lines: OrderLineDto[];
  shippingFees: { partnerId: string; feeWon: number }[];
  merchandiseWon: number;
  shippingWon: number;
  discountWon: number;
  shipTo: { recipient: string; phone: string; postalCode: string; line1: string; line2: string };
  payments: PaymentDto[];
  /** Charged minus refunded, from the ledger. */
  paidWon: number;
  nextAttemptAt: string | null;
  /** After payment: fulfilment and tracking, cancellation/return, refunds and the open actions (issue 6). */
  afterSale?: OrderAfterSaleDto;
}
