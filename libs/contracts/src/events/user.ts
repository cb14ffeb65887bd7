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
