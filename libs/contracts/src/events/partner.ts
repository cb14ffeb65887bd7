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
