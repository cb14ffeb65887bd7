import { z } from 'zod';
import { isValidBusinessRegistrationNumber } from '../rules/business-registration-number';

export const APPLICATION_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const digits = (s: string) => s.replace(/[-\s]/g, '');

/** POST /partner/applications. Shared with the web form, so both validate the same way. */
export const partnerApplicationRequestSchema = z.strictObject({
  businessName: z.string().trim().min(1).max(100),
  registrationNumber: z
    .string()
    .max(20)
    .transform(digits)
    .refine((v) => /^\d{10}$/.test(v), 'must be 10 digits')
    .refine(isValidBusinessRegistrationNumber, 'checksum does not match'),
  representative: z.string().trim().min(1).max(50),
  phone: z
    .string()
    .max(20)
    .transform(digits)
    .refine((v) => /^0\d{8,10}$/.test(v), 'must be a Korean phone number'),
  email: z.email().max(254),
  payoutBank: z.string().trim().min(1).max(50),
  payoutAccount: z
    .string()
    .max(30)
    .transform(digits)
    .refine((v) => /^\d{8,20}$/.test(v), 'must be 8 to 20 digits'),
});
export type PartnerApplicationRequest = z.input<typeof partnerApplicationRequestSchema>;

/** What an applicant sees of their own application. */
export interface PartnerApplicationDto {
  id: string;
  status: ApplicationStatus;
  businessName: string;
  registrationNumber: string;
  representative: string;
  phone: string;
  email: string;
  payoutBank: string;
  /** Masked: only the last four digits are ever shown. */
  payoutAccountMasked: string;
  rejectionReason: string | null;
  partnerId: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

/** GET /partner/applications/me: the latest application and the earlier ones. */
export interface MyApplicationsDto {
  current: PartnerApplicationDto | null;
  history: PartnerApplicationDto[];
}
