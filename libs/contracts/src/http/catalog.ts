import { z } from 'zod';
import { type Grind, ROAST_LEVELS, type RoastLevel } from './product';

export const STOCK_STATUSES = ['IN_STOCK', 'LOW', 'SOLD_OUT'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

export const CATALOG_SORTS = ['popular', 'new', 'price_asc', 'price_desc'] as const;

/** GET /api/catalog/items query. */
export const catalogQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  roast: z.enum(ROAST_LEVELS).optional(),
  origin: z.string().trim().max(60).optional(),
  minPrice: z.coerce.number().int().min(0).optional(),
  maxPrice: z.coerce.number().int().min(0).optional(),
  sort: z.enum(CATALOG_SORTS).default('new'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  size: z.coerce.number().int().min(1).max(60).default(20),
});
export type CatalogQuery = z.output<typeof catalogQuerySchema>;

export const popularQuerySchema = z.strictObject({
  window: z.enum(['day', 'week']).default('day'),
  size: z.coerce.number().int().min(1).max(50).default(10),
});

/** One catalog item in a list. */
export interface CatalogItemSummaryDto {
  id: string;
  name: string;
  partner: { id: string; name: string };
  origin: { country: string; region: string };
  process: string;
  roastLevel: RoastLevel | null;
  tastingNotes: string[];
  imageUrl: string | null;
  /** The cheapest option's price, in won. */
  priceFrom: number;
  stockStatus: StockStatus;
  publishedAt: string;
}

/** A catalog item with its options and the other roasters of the same lot. */
export interface CatalogItemDetailDto extends CatalogItemSummaryDto {
  version: number;
  producer: string;
  lot: string;
  variety: string;
  description: string;
  imageUrls: string[];
  options: { id: string; weightGrams: number; grind: Grind; priceWon: number; stockStatus: StockStatus }[];
  /** The same farm lot roasted by other partners ("also roasted by"). */
  alsoRoastedBy: { id: string; name: string; partner: { id: string; name: string } }[];
}

/** GET /api/catalog/popular: a ranking (empty scores before any order). */
export interface PopularItemsDto {
  window: 'day' | 'week';
  items: (CatalogItemSummaryDto & { rank: number; score: number })[];
}


