import { CATALOG_SORTS, catalogQuerySchema, type RoastLevel } from '@roastery/contracts';

export type CatalogSort = (typeof CATALOG_SORTS)[number];

/** The storefront's filters; the page URL holds them, so a search can be shared and reloaded. */
export interface CatalogFilters {
  q?: string;
  roast?: RoastLevel;
  origin?: string;
  minPrice?: number;
  maxPrice?: number;
  sort: CatalogSort;
  page: number;
}

export const DEFAULT_SORT: CatalogSort = 'new';

const shape = catalogQuerySchema.shape;

/** One field of the query, or undefined when it is absent or not valid (a bad value is ignored, not an error page). */
function field<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, raw: string | null): T | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const result = schema.safeParse(raw);
  return result.success ? result.data : undefined;
}

/** Filters from the page's search params (`/?q=예가체프&roast=LIGHT&sort=price_asc&page=2`). */
export function filtersFromSearchParams(params: URLSearchParams): CatalogFilters {
  const q = field(shape.q, params.get('q'));
  const origin = field(shape.origin, params.get('origin'));
  return {
    q: q || undefined,
    roast: field(shape.roast, params.get('roast')),
    origin: origin || undefined,
    minPrice: field(shape.minPrice, params.get('minPrice')),
    maxPrice: field(shape.maxPrice, params.get('maxPrice')),
    sort: field(shape.sort, params.get('sort')) ?? DEFAULT_SORT,
    page: field(shape.page, params.get('page')) ?? 1,
  };
}

/** The page URL's search params for some filters: empty and default values are left out. */
export function filtersToSearchParams(f: CatalogFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.roast) p.set('roast', f.roast);
  if (f.origin) p.set('origin', f.origin);
  if (f.minPrice !== undefined) p.set('minPrice', String(f.minPrice));
  if (f.maxPrice !== undefined) p.set('maxPrice', String(f.maxPrice));
  if (f.sort !== DEFAULT_SORT) p.set('sort', f.sort);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** The query of GET /api/catalog/items for these filters and a page size. */
export function toCatalogApiQuery(f: CatalogFilters, size: number): Record<string, string | number | undefined> {
  return { q: f.q, roast: f.roast, origin: f.origin, minPrice: f.minPrice, maxPrice: f.maxPrice, sort: f.sort, page: f.page, size };
}

/** Whether any filter narrows the list (the sort and page do not). */
export function hasFilters(f: CatalogFilters): boolean {
  return Boolean(f.q || f.roast || f.origin || f.minPrice !== undefined || f.maxPrice !== undefined);
}
