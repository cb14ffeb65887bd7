import { z } from 'zod';
import { productVersionContentSchema } from '../http/product';
import { defineEvent } from './define-event';

/**
 * A catalog item (one partner product merged with its seller's profile) is on sale in this
 * version (admin-service). Carries the whole item; `itemVersion` orders updates of one item.
 */
export const catalogItemPublished = defineEvent(
  'catalog.item.published',
  1,
  z.object({
    catalogItemId: z.uuid(),
    itemVersion: z.number().int().positive(),
    productId: z.uuid(),
    productVersion: z.number().int().positive(),
    partner: z.object({ id: z.uuid(), name: z.string() }),
    content: productVersionContentSchema,
    /** Normalised farm-lot key: items sharing it are the same lot by different roasters. */
    lotKey: z.string(),
    publishedAt: z.iso.datetime({ offset: true }),
  }),
);

/** A catalog item went off sale (product withdrawn, partner suspended). */
export const catalogItemWithdrawn = defineEvent(
  'catalog.item.withdrawn',
  1,
  z.object({
    catalogItemId: z.uuid(),
    itemVersion: z.number().int().positive(),
    productId: z.uuid(),
    reason: z.enum(['PRODUCT_WITHDRAWN', 'PARTNER_SUSPENDED', 'MERGED']),
    withdrawnAt: z.iso.datetime({ offset: true }),
  }),
);
