import { z } from 'zod';
import { APPLICATION_STATUSES, type ApplicationStatus } from './partner-application';

export const applicationListQuerySchema = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});

export const rejectRequestSchema = z.strictObject({
  reason: z.string().trim().min(1).max(500),
});
export type RejectRequest = z.infer<typeof rejectRequestSchema>;

export const approveRequestSchema = z.strictObject({
  note: z.string().trim().max(500).optional(),
});

/** Automatic findings shown beside an application in the review queue. */
export interface ApplicationFinding {
  code: 'REGISTRATION_NUMBER_CHECKSUM_INVALID' | 'DUPLICATE_REGISTRATION_NUMBER' | 'PREVIOUSLY_REJECTED';
  message: string;
}

/** One application as an admin reviews it. */
export interface ApplicationReviewDto {
  id: string;
  applicantUserId: string;
  status: ApplicationStatus;
  businessName: string;
  registrationNumber: string;
  representative: string;
  phone: string;
  email: string;
  payoutBank: string;
  payoutAccountLast4: string;
  attempt: number;
  findings: ApplicationFinding[];
  reason: string | null;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}
