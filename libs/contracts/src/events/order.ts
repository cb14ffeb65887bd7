import { z } from 'zod';
import { defineEvent } from './define-event';

/**
 * An order was paid (user-service). Minimal for now: what popularity rankings need. The order saga
 * (issue 5) adds fields; consumers ignore what they do not know.
 */
export const orderPaid = defineEvent(
  'order.paid',
  1,
  z.object({
    orderId: z.uuid(),
    userId: z.uuid(),
    lines: z
      .array(
        z.object({
          catalogItemId: z.uuid(),
          productId: z.uuid(),
          optionId: z.uuid(),
          partnerId: z.uuid(),
          quantity: z.number().int().positive(),
          unitPriceWon: z.number().int().nonnegative(),
        }),
      )
      .min(1),
    totalWon: z.number().int().nonnegative(),
    paidAt: z.iso.datetime({ offset: true }),
  }),
);
