import { PRODUCT_STATUSES, pageQuerySchema } from '@roastery/contracts';
import { z } from 'zod';

/** GET /partner/products: pages of the caller's products, optionally of one status. */
export const productListQuerySchema = pageQuerySchema.extend({ status: z.enum(PRODUCT_STATUSES).optional() });
export type ProductListQuery = z.output<typeof productListQuerySchema>;
