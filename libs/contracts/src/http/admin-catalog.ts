import { z } from 'zod';
import type { ProductVersionContent } from './product';

export const PRODUCT_REVIEW_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'MERGED'] as const;
export type ProductReviewStatus = (typeof PRODUCT_REVIEW_STATUSES)[number];

export const productReviewListQuerySchema = z.strictObject({
  status: z.enum(PRODUCT_REVIEW_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});

/** POST /admin/product-reviews/:id/approve. With `mergeInto`, the submission is folded into that product. */
export const approveProductRequestSchema = z.strictObject({
  mergeInto: z.uuid().optional(),
  note: z.string().trim().max(500).optional(),
});

export const suspendPartnerRequestSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });
export const trustPartnerRequestSchema = z.strictObject({ trusted: z.boolean() });

export type ProductFindingCode =
  | 'MISSING_FIELD'
  | 'PRICE_OUT_OF_BAND'
  | 'SUSPECTED_DUPLICATE'
  | 'PRICE_CHANGED'
  | 'ORIGIN_CHANGED';

/** An automatic finding shown beside a product submission. */
export interface ProductFinding {
  code: ProductFindingCode;
  message: string;
  /** For SUSPECTED_DUPLICATE: the product it duplicates (a merge target). */
  productId?: string;
}

/** One field that differs from the last approved version. */
export interface VersionDiffEntry {
  field: string;
  before: unknown;
  after: unknown;
}

/** A product submission as an admin reviews it. */
export interface ProductReviewDto {
  /** The review id. */
  id: string;
  productId: string;
  version: number;
  partner: { id: string; name: string; trusted: boolean };
  status: ProductReviewStatus;
  content: ProductVersionContent;
  findings: ProductFinding[];
  /** Against the last approved version; empty for a first submission. */
  diff: VersionDiffEntry[];
  autoApproved: boolean;
  reason: string | null;
  mergedInto: string | null;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
}

/** A catalog item in the admin's catalog master. */
export interface CatalogMasterEntryDto {
  catalogItemId: string;
  productId: string;
  partner: { id: string; name: string; status: 'ACTIVE' | 'SUSPENDED' };
  name: string;
  onSale: boolean;
  itemVersion: number;
  productVersion: number;
  lotKey: string;
  mergeHistory: { sourceProductId: string; mergedAt: string; by: string }[];
  updatedAt: string;
}

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
export interface AdminPartnerDto {
  id: string;
  name: string;
  status: 'ACTIVE' | 'SUSPENDED';
  trusted: boolean;
  /** Why it is suspended; null while active (reinstatement reasons are in the audit log). */
  suspendedReason: string | null;
  activatedAt: string | null;
  updatedAt: string;
}
