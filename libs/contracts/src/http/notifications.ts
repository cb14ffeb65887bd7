import { z } from 'zod';
import { pageQuerySchema } from './pagination';

/*
 * Notices a subscriber reads at My page → 알림 (GET /api/me/notifications) and receives by email.
 * A notice is stored as its kind plus the data below; its words are rendered when it is read, so a
 * corrected template fixes old notices too. To add a kind: add its data schema to
 * `noticeDataSchemas`, and the compiler asks for its template in user-service.
 */

const won = z.number().int().nonnegative();
/** A calendar date in Asia/Seoul, `YYYY-MM-DD`. */
const ymd = z.iso.date();
const text = z.string().min(1).max(200);

/** Why a charge failed, as the subscriber must act on it. */
export const PAYMENT_FAILURE_REASONS = ['CARD_DECLINED', 'CARD_NEEDS_REPLACEMENT', 'PROVIDER_UNAVAILABLE'] as const;
/**
 * `CARD_DECLINED`: a soft decline (funds, limit) retried on `nextRetryDate`.
 * `CARD_NEEDS_REPLACEMENT`: a hard decline (lost, expired, blocked) not retried until the card changes.
 * `PROVIDER_UNAVAILABLE`: the payment provider failed; retried, nothing for the subscriber to do.
 */
export type PaymentFailureReason = (typeof PAYMENT_FAILURE_REASONS)[number];

/** The data each notice kind carries. Amounts are integer won, dates `YYYY-MM-DD` (Asia/Seoul). */
export const noticeDataSchemas = {
  /** Three days before each charge: when and how much. */
  PRE_CHARGE: z.strictObject({ subscriptionId: z.string(), itemName: text, billingDate: ymd, amountWon: won }),
  /** A charge went through (`subscriptionId` null for a one-off order). */
  CHARGED: z.strictObject({
    subscriptionId: z.string().nullable(),
    orderId: z.string(),
    itemName: text,
    amountWon: won,
    cardCompany: z.string().max(50),
    maskedNumber: z.string().max(50),
  }),
  /** A charge failed; what happens next depends on the reason and on whether it was the last attempt. */
  PAYMENT_FAILED: z.strictObject({
    subscriptionId: z.string(),
    orderId: z.string(),
    itemName: text,
    amountWon: won,
    reason: z.enum(PAYMENT_FAILURE_REASONS),
    nextRetryDate: ymd.nullable(),
    /** The last retry failed: this cycle's box is skipped. */
    finalAttempt: z.boolean(),
  }),
  /** Paused after repeated failed cycles; a new card and a resume bring it back. */
  PAST_DUE: z.strictObject({ subscriptionId: z.string(), itemName: text, failedCycles: z.number().int().positive() }),
  /** The roaster had no stock for this cycle: nothing charged, the next box as usual. */
  SKIPPED_FOR_STOCK: z.strictObject({ subscriptionId: z.string(), orderId: z.string(), itemName: text, billingDate: ymd }),
  /** A new subscription was created and its first box charged. */
  SUBSCRIPTION_STARTED: z.strictObject({ subscriptionId: z.string(), itemName: text, amountWon: won, nextBillingDate: ymd }),
  /** A partner raised the price; the subscription needs the subscriber's consent before it applies. */
  PRICE_CHANGE: z.strictObject({
    subscriptionId: z.string(),
    itemName: text,
    oldUnitPriceWon: won,
    newUnitPriceWon: won,
    effectiveFrom: ymd,
  }),
  /** A partner shipped its part of an order (issue 6). */
  SHIPPED: z.strictObject({ orderId: z.string(), itemName: text, carrier: z.string().max(40).nullable(), trackingNumber: z.string().max(60).nullable() }),
  /** A partner's part of an order was delivered; purchase is confirmed automatically after `autoConfirmDays`. */
  DELIVERED: z.strictObject({ orderId: z.string(), itemName: text, autoConfirmDays: z.number().int().nonnegative() }),
  /** The roaster had not shipped: the order is cancelled and its payment refunded in full. */
  CANCELLED: z.strictObject({ orderId: z.string(), itemName: text }),
  /** The cancellation came too late: the order had already shipped (a return is possible after delivery). */
  CANCEL_REFUSED: z.strictObject({ orderId: z.string(), itemName: text, reason: z.string().max(200).nullable() }),
  /** Money went back to the card. */
  REFUNDED: z.strictObject({ orderId: z.string(), itemName: text, amountWon: won, reason: z.string().max(200) }),
} satisfies Record<string, z.ZodType>;

/** Every notice kind. */
export type NoticeKind = keyof typeof noticeDataSchemas;
/** The kinds, for validation and filters. */
export const NOTICE_KINDS = Object.keys(noticeDataSchemas) as NoticeKind[];
/** The data of each kind: `NoticeData['PRE_CHARGE']`. */
export type NoticeData = { [K in NoticeKind]: z.infer<(typeof noticeDataSchemas)[K]> };

/** A notice as its owner reads it; `title` and `body` are plain Korean text rendered from kind and data. */
export type NotificationDto = {
  [K in NoticeKind]: {
    id: string;
    kind: K;
    title: string;
    body: string;
    data: NoticeData[K];
    createdAt: string;
    /** When the owner marked it read; null while unread. */
    readAt: string | null;
  };
}[NoticeKind];

/** GET /api/me/notifications: `?page=&size=` and `unread=true` for unread ones only. */
export const notificationsQuerySchema = pageQuerySchema.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type NotificationsQuery = z.output<typeof notificationsQuerySchema>;

/** A page of notices, newest first, with the owner's unread count (for the badge). */
export interface NotificationsPage {
  items: NotificationDto[];
  page: number;
  size: number;
  /** Notices matching the query. */
  total: number;
  /** All the owner's unread notices, whatever the query. */
  unread: number;
}

/** POST /api/me/notifications/read-all. */
export interface ReadAllNotificationsResult {
  /** Notices this call marked read. */
  marked: number;
  /** Unread notices left (ones that arrived meanwhile). */
  unread: number;
}
