import { z } from 'zod';
import { defineEvent } from './define-event';

const at = z.iso.datetime({ offset: true });

/**
 * Where a partner's part of an order stands (business-service owns it; docs/orders/order-states.md).
 * PAID → PREPARING → SHIPPED → DELIVERED, RETURN_REQUESTED → RETURNED after delivery, CANCELLED
 * before shipping.
 */
export const FULFILMENT_STATUSES = ['PAID', 'PREPARING', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURN_REQUESTED', 'RETURNED'] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

/**
 * business-service: a partner order moved (prepared, shipped with tracking, delivered, the returned
 * item received). `version` grows with each change of the partner order, so stale copies are ignored.
 */
export const fulfilmentStatusChanged = defineEvent(
  'fulfilment.status.changed',
  1,
  z.object({
    orderId: z.uuid(),
    partnerOrderId: z.uuid(),
    partnerId: z.uuid(),
    userId: z.uuid(),
    status: z.enum(FULFILMENT_STATUSES),
    version: z.number().int().positive(),
    carrier: z.string().max(40).nullable(),
    trackingNumber: z.string().max(60).nullable(),
    changedAt: at,
  }),
);

/** user-service: the subscriber asks to cancel a paid order; business-service decides (not yet shipped?). */
export const orderCancellationRequested = defineEvent(
  'order.cancellation.requested',
  1,
  z.object({ orderId: z.uuid(), requestId: z.uuid(), userId: z.uuid(), reason: z.string().min(1).max(500), requestedAt: at }),
);

/**
 * business-service's answer: CANCELLED (no partner part had shipped; stock back on hand) or REFUSED
 * (at least one had shipped). A cancel racing a ship ends in exactly one of the two.
 */
export const orderCancellationDecided = defineEvent(
  'order.cancellation.decided',
  1,
  z.object({
    orderId: z.uuid(),
    requestId: z.uuid(),
    outcome: z.enum(['CANCELLED', 'REFUSED']),
    reason: z.string().max(200).nullable(),
    decidedAt: at,
  }),
);

/** user-service: the subscriber asks to return a delivered order. */
export const orderReturnRequested = defineEvent(
  'order.return.requested',
  1,
  z.object({ orderId: z.uuid(), requestId: z.uuid(), userId: z.uuid(), reason: z.string().min(1).max(500), requestedAt: at }),
);

/** user-service: purchase confirmed, by the subscriber or automatically after the configured days. */
export const orderPurchaseConfirmed = defineEvent(
  'order.purchase.confirmed',
  1,
  z.object({ orderId: z.uuid(), userId: z.uuid(), automatic: z.boolean(), confirmedAt: at }),
);
