import { z } from 'zod';
import { productVersionContentSchema } from '../http/product';
import { defineEvent } from './define-event';

const at = z.iso.datetime({ offset: true });

/**
 * A partner sent a product version for review (business-service). Carries the whole version and
 * the last approved one, so admin-service can diff without calling back.
 */
export const productVersionSubmitted = defineEvent(
  'product.version.submitted',
  1,
  z.object({
    productId: z.uuid(),
    partnerId: z.uuid(),
    version: z.number().int().positive(),
    content: productVersionContentSchema,
    previousApproved: z.object({ version: z.number().int().positive(), content: productVersionContentSchema }).nullable(),
    submittedAt: at,
  }),
);

/** admin-service approved a version (by an admin, or automatically for a trusted partner's small edit). */
export const productVersionApproved = defineEvent(
  'product.version.approved',
  1,
  z.object({
    productId: z.uuid(),
    partnerId: z.uuid(),
    version: z.number().int().positive(),
    catalogItemId: z.uuid(),
    /** Null when approved automatically. */
    reviewerId: z.uuid().nullable(),
    autoApproved: z.boolean(),
    decidedAt: at,
  }),
);

/** admin-service rejected a version with a reason the partner will see. */
export const productVersionRejected = defineEvent(
  'product.version.rejected',
  1,
  z.object({
    productId: z.uuid(),
    partnerId: z.uuid(),
    version: z.number().int().positive(),
    reason: z.string().min(1),
    reviewerId: z.uuid(),
    decidedAt: at,
  }),
);

/**
 * An admin confirmed a duplicate: the submitted version of `sourceProductId` becomes the newest
 * approved version of `targetProductId` (same roaster), and the source is closed as MERGED.
 */
export const productMerged = defineEvent(
  'product.merged',
  1,
  z.object({
    sourceProductId: z.uuid(),
    sourceVersion: z.number().int().positive(),
    targetProductId: z.uuid(),
    /**
     * The product version the target's catalog item carries for the folded content (admin-service
     * numbers it one past every version it has seen of the target). Optional: added after v1.
     */
    targetVersion: z.number().int().positive().optional(),
    partnerId: z.uuid(),
    catalogItemId: z.uuid(),
    reviewerId: z.uuid(),
    decidedAt: at,
  }),
);

/** A partner withdrew a product from sale (business-service). */
export const productWithdrawn = defineEvent(
  'product.withdrawn',
  1,
  z.object({ productId: z.uuid(), partnerId: z.uuid(), withdrawnAt: at }),
);

/**
 * An option's stock was set (business-service), also at creation. `stockVersion` grows with every
 * change of that option, so consumers ignore stale or reordered updates.
 */
export const productStockChanged = defineEvent(
  'product.stock.changed',
  1,
  z.object({
    productId: z.uuid(),
    partnerId: z.uuid(),
    optionId: z.uuid(),
    stock: z.number().int().nonnegative(),
    stockVersion: z.number().int().positive(),
    changedAt: at,
  }),
);
