import { z } from 'zod';
import type { PartnerStatus } from './partner.entity';

/** GET /admin/partners: paged, filtered by status and the trusted switch. */
export const partnerListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(['ACTIVE', 'SUSPENDED']).optional(),
  trusted: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type PartnerListQuery = z.output<typeof partnerListQuerySchema>;

/** A partner as the admin console shows it. */
export interface PartnerDto {
  id: string;
  name: string;
  status: PartnerStatus;
  trusted: boolean;
  /** Why it is suspended; null while active (reinstatement reasons are in the audit log). */
  suspendedReason: string | null;
  activatedAt: string | null;
  updatedAt: string;
}
