import { z } from 'zod';
import { defineEvent } from './define-event';

const at = z.iso.datetime({ offset: true });

/** Who asked for a refund; only user-service calls Toss (ARCHITECTURE.md). */
export const refundRequesterSchema = z.object({
  role: z.enum(['ADMIN', 'PARTNER', 'SUBSCRIBER', 'SYSTEM']),
  /** The admin's or partner member's user id; null for SYSTEM (a cancellation, a return). */
  userId: z.uuid().nullable(),
  /** For a partner: the partner whose lines may be refunded. */
  partnerId: z.uuid().nullable(),
});

/**
 * Asks user-service to refund part or all of an order's payment (admin-service for admins,
 * business-service for partners within their limit). `refundId` is chosen by the requester and
 * identifies the refund everywhere; a repeated request with the same id refunds once.
 * `amountWon` null means the whole remaining balance (of the partner's lines, for a partner).
 */
export const refundRequested = defineEvent(
  'refund.requested',
  1,
  z.object({
    refundId: z.uuid(),
    orderId: z.uuid(),
    amountWon: z.number().int().positive().nullable(),
    reason: z.string().min(1).max(200),
    requestedBy: refundRequesterSchema,
    requestedAt: at,
  }),
);

/** A refund line: how much of which order line was given back. */
const refundLineSchema = z.object({ lineId: z.uuid(), partnerId: z.uuid(), amountWon: z.number().int().positive() });

/** user-service: a refund went through at Toss and is in the ledger. */
export const refundCompleted = defineEvent(
  'refund.completed',
  1,
  z.object({
    refundId: z.uuid(),
    orderId: z.uuid(),
    userId: z.uuid(),
    paymentKey: z.string(),
    amountWon: z.number().int().positive(),
    lines: z.array(refundLineSchema),
    /** Shipping fee given back with a full refund, per partner. */
    shippingWon: z.number().int().nonnegative(),
    /** What is left refundable on the payment after this refund. */
    balanceWon: z.number().int().nonnegative(),
    reason: z.string(),
    requestedBy: refundRequesterSchema,
    completedAt: at,
  }),
);

/** user-service: a refund was refused (above the balance, a confirmed purchase for a subscriber, Toss refused). */
export const refundRefused = defineEvent(
  'refund.refused',
  1,
  z.object({
    refundId: z.uuid(),
    orderId: z.uuid(),
    code: z.enum(['ABOVE_BALANCE', 'NOT_PAID', 'PURCHASE_CONFIRMED', 'NOT_PARTNERS_ORDER', 'ABOVE_PARTNER_LIMIT', 'PROVIDER_REFUSED', 'UNKNOWN_ORDER']),
    message: z.string(),
    refusedAt: at,
  }),
);
