import type { CatalogItemSummaryDto, CatalogQuery, ProductVersionContent, RoastLevel, StockStatus } from '@roastery/contracts';

/*
 * Pure rules of the subscriber catalog read model (ADR 0011): versions, stock statuses, search
 * text and the calendar buckets of popularity. No framework imports, so plain unit tests cover them.
 */

/** Whether an incoming item version should replace what the read model holds (stale and duplicate events are no-ops). */
export function isNewerItemVersion(current: number | null, incoming: number): boolean {
  return current === null || incoming > current;
}

/** Whether an option's stock update should replace the stored one (per option, the highest stockVersion wins). */
export function isNewerStockVersion(current: number | null, incoming: number): boolean {
  return current === null || incoming > current;
}

/**
 * An option's stock status. Unknown stock (no `product.stock.changed` seen yet) counts as
 * SOLD_OUT: the catalog never promises what it has not been told exists.
 */
export function stockStatusOf(stock: number | null | undefined, lowThreshold: number): StockStatus {
  if (stock === null || stock === undefined || stock <= 0) return 'SOLD_OUT';
  return stock <= lowThreshold ? 'LOW' : 'IN_STOCK';
}

const RANK: Record<StockStatus, number> = { SOLD_OUT: 0, LOW: 1, IN_STOCK: 2 };

/** The item's status: the best of its options' (SOLD_OUT when it has none). */
export function bestStockStatus(statuses: StockStatus[]): StockStatus {
  return statuses.reduce<StockStatus>((best, s) => (RANK[s] > RANK[best] ? s : best), 'SOLD_OUT');
}

/**
 * Text as the search compares it: Unicode NFKC (a Hangul syllable typed as separate jamo on some
 * keyboards, or full-width Latin, becomes its usual form), lower case, single spaces.
 */
export function normaliseSearchText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The denormalised text an item is found by: name, origin, producer, variety, process, tasting notes and roaster. */
export function buildSearchText(c: {
  name: string;
  origin: { country: string; region: string };
  producer: string;
  variety: string;
  process: string;
  tastingNotes: string[];
  partnerName: string;
}): string {
  return normaliseSearchText([c.name, c.origin.country, c.origin.region, c.producer, c.variety, c.process, ...c.tastingNotes, c.partnerName].join(' '));
}

/** At most this many words of a query are matched; the rest are ignored. */
export const MAX_SEARCH_TERMS = 6;

/**
 * The words of a search query, each to be found as a substring of the search text. Duplicates
 * and words contained in a longer word are dropped: they cannot narrow the result further.
 */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const words = [...new Set(normaliseSearchText(q).split(' ').filter((w) => w.length > 0))];
  const kept = words.filter((w) => !words.some((other) => other !== w && other.includes(w)));
  return kept.slice(0, MAX_SEARCH_TERMS);
}

/**
 * pg_trgm indexes three-character trigrams, so a GIN index can only narrow a substring search for a
 * word of three or more characters. Shorter words (common in Korean: '꽃향', '산미') are still
 * matched with ILIKE on the same column, by scanning the rows the other conditions leave.
 */
export function isIndexableTerm(term: string): boolean {
  return [...term].length >= 3;
}

/** A LIKE pattern matching term anywhere, with LIKE's wildcards in the term taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The part of a list query that decides its answer, in a fixed order: the cache key of its page. */
export function canonicalListQuery(q: CatalogQuery, popularBucket: string | null): string {
  return JSON.stringify([
    searchTerms(q.q).sort(),
    q.roast ?? null,
    q.origin ? normaliseSearchText(q.origin) : null,
    q.minPrice ?? null,
    q.maxPrice ?? null,
    q.sort,
    q.page,
    q.size,
    popularBucket,
  ]);
}

/**
 * The ISO week (`YYYY-Www`) of a calendar date (`YYYY-MM-DD`): weeks start on Monday and week 1
 * holds the year's first Thursday, so 2027-01-01 (a Friday) belongs to 2026-W53.
 */
export function isoWeekOf(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** What decides which browse facets an item counts in. */
export interface FacetState {
  onSale: boolean;
  roast: RoastLevel | null;
}

/** The browse facets an on-sale item counts in: everything, and its roast level. */
export function facetsOf(s: FacetState | null): string[] {
  return s?.onSale ? ['all', `roast:${s.roast ?? 'none'}`] : [];
}

/** How the facet counts change when an item goes from `before` to `after` (zero changes left out, keys sorted). */
export function facetDeltas(before: FacetState | null, after: FacetState): [string, number][] {
  const deltas = new Map<string, number>();
  for (const f of facetsOf(before)) deltas.set(f, (deltas.get(f) ?? 0) - 1);
  for (const f of facetsOf(after)) deltas.set(f, (deltas.get(f) ?? 0) + 1);
  return [...deltas].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The facet whose kept count is a list query's total, or null when the total must be counted
 * (a search, an origin or a price range narrows it further).
 */
export function countedFacet(q: Pick<CatalogQuery, 'q' | 'roast' | 'origin' | 'minPrice' | 'maxPrice'>): string | null {
  if (searchTerms(q.q).length > 0 || q.origin || q.minPrice !== undefined || q.maxPrice !== undefined) return null;
  return q.roast ? `roast:${q.roast}` : 'all';
}

/**
 * An item's summary as lists serve it, without the stock status (which changes with stock and the
 * configured threshold, so the list statement appends it). Stored with each published version.
 */
export function summaryDocument(item: {
  id: string;
  partner: { id: string; name: string };
  content: ProductVersionContent;
  publishedAt: string;
}): Omit<CatalogItemSummaryDto, 'stockStatus'> {
  const c = item.content;
  const prices = c.options.map((o) => o.priceWon);
  return {
    id: item.id,
    name: c.name,
    partner: { id: item.partner.id, name: item.partner.name },
    origin: { country: c.origin.country, region: c.origin.region },
    process: c.process,
    roastLevel: c.roastLevel,
    tastingNotes: c.tastingNotes,
    imageUrl: c.imageUrls[0] ?? null,
    priceFrom: prices.length > 0 ? Math.min(...prices) : 0,
    publishedAt: new Date(item.publishedAt).toISOString(),
  };
}
