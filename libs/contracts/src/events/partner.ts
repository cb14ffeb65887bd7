import { z } from 'zod';
import { defineEvent } from './define-event';

/**
 * A partner organisation became active with its first member (business-service). user-service
 * grants that account the PARTNER role and the membership its tokens carry.
 */
export const partnerActivated = defineEvent(
  'partner.activated',
  1,
  z.object({
    partnerId: z.uuid(),
    applicationId: z.uuid(),
    memberUserId: z.uuid(),
    businessName: z.string(),
    activatedAt: z.iso.datetime({ offset: true }),
  }),
);

/** An admin suspended a partner (admin-service): its items go off sale, its console stays readable. */
export const partnerSuspended = defineEvent(
  'partner.suspended',
  1,
  z.object({ partnerId: z.uuid(), reason: z.string().min(1), adminId: z.uuid(), suspendedAt: z.iso.datetime({ offset: true }) }),
);

/** An admin reinstated a suspended partner (admin-service): its approved items go back on sale. */
export const partnerReinstated = defineEvent(
  'partner.reinstated',
  1,
  z.object({ partnerId: z.uuid(), reason: z.string().min(1), adminId: z.uuid(), reinstatedAt: z.iso.datetime({ offset: true }) }),
);
