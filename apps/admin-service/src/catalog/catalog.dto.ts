import { z } from 'zod';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /admin/catalog: paged, optionally narrowed to one partner, one farm lot or the sale state. */
export const catalogListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
  partnerId: z.uuid().optional(),
  lotKey: z.string().max(400).optional(),
  onSale: bool.optional(),
});
export type CatalogListQuery = z.output<typeof catalogListQuerySchema>;
