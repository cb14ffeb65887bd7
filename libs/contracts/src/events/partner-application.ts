import { z } from 'zod';
import { defineEvent } from './define-event';

const uuid = z.uuid();

/** A signed-in account applied to sell on the marketplace (business-service). */
export const partnerApplicationSubmitted = defineEvent(
  'partner.application.submitted',
  1,
  z.object({
    applicationId: uuid,
    applicantUserId: uuid,
    businessName: z.string(),
    registrationNumber: z.string().regex(/^\d{10}$/),
    representative: z.string(),
    phone: z.string(),
    email: z.string(),
    payoutBank: z.string(),
    /** Only the last digits travel; the account itself stays encrypted in business-service. */
    payoutAccountLast4: z.string().max(4),
    /** 1 for a first application, n for the n-th attempt of the same account. */
    attempt: z.number().int().positive(),
    submittedAt: z.iso.datetime({ offset: true }),
  }),
);

/** An admin approved an application (admin-service). business-service then activates the partner. */
export const partnerApplicationApproved = defineEvent(
  'partner.application.approved',
  1,
  z.object({
    applicationId: uuid,
    applicantUserId: uuid,
    reviewerId: uuid,
    decidedAt: z.iso.datetime({ offset: true }),
  }),
);

/** An admin rejected an application with a reason the applicant will see (admin-service). */
export const partnerApplicationRejected = defineEvent(
  'partner.application.rejected',
  1,
  z.object({
    applicationId: uuid,
    applicantUserId: uuid,
    reviewerId: uuid,
    reason: z.string().min(1),
    decidedAt: z.iso.datetime({ offset: true }),
  }),
);
