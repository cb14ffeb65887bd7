import { z } from 'zod';
import { defineEvent } from './define-event';

/** An account was created (user-service). Carries no personal data: consumers need only the id. */
export const userRegistered = defineEvent(
  'user.registered',
  1,
  z.object({
    userId: z.uuid(),
    registeredAt: z.iso.datetime({ offset: true }),
  }),
);

/**
 * An account was deleted at its owner's request (user-service): its personal data is anonymised
 * and its subscriptions cancelled. Services holding copies of its personal data (a partner order's
 * ship-to) erase them once they no longer need them to fulfil an order.
 */
export const userDeleted = defineEvent(
  'user.deleted',
  1,
  z.object({
    userId: z.uuid(),
    deletedAt: z.iso.datetime({ offset: true }),
  }),
);
