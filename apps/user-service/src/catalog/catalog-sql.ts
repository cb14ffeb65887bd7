import type { CatalogQuery } from '@roastery/contracts';
import { containsPattern } from './catalog.rules';

/** Columns of an item in a list (no description, options or search text: lists stay narrow). */
const SUMMARY_COLUMNS = `i.id, i.name, i.partner_id, i.partner_name, i.origin_country, i.origin_region, i.process, i.roast_level,
  i.tasting_notes, i.image_urls[1] AS image_url, i.price_from, i.published_at, i.option_ids`;

/** The best stock of an item's current options (null when none is known); evaluated per returned row only. */
const MAX_STOCK = (alias: string) => `(SELECT max(s.stock) FROM catalog_option_stock s WHERE s.option_id = ANY(${alias}.option_ids)) AS max_stock`;

/** A row of a list or ranking query. */
export interface SummaryRow {
  id: string;
  name: string;
  partner_id: string;
  partner_name: string;
  origin_country: string;
  origin_region: string;
  process: string;
  roast_level: string | null;
  tasting_notes: string[];
  image_url: string | null;
  price_from: number | null;
  published_at: Date;
  max_stock: number | null;
}

export interface ListRow extends Partial<SummaryRow> {
  total: number;
}

/** Top-ranked item ids with their scores, for popularity order. */
export interface Ranking {
  ids: string[];
  scores: number[];
}

const ORDER: Record<CatalogQuery['sort'], (a: string) => string> = {
  new: (a) => `${a}.published_at DESC, ${a}.id DESC`,
  price_asc: (a) => `${a}.price_from ASC NULLS LAST, ${a}.published_at DESC, ${a}.id DESC`,
  price_desc: (a) => `${a}.price_from DESC NULLS LAST, ${a}.published_at DESC, ${a}.id DESC`,
  popular: (a) => `${a}.score DESC, ${a}.published_at DESC, ${a}.id DESC`,
};

/**
 * One statement for a list page and its total, whatever the page size: the count and the page
 * share the filter, the page is ordered by an index where one fits, and stock is looked up only
 * for the rows returned. The total's row is always there, so an empty page still reports it.
 */
export function listStatement(q: CatalogQuery, terms: string[], ranking: Ranking | null): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [`i.status = 'ON_SALE'`];
  if (q.roast) where.push(`i.roast_level = ${p(q.roast)}`);
  if (q.origin) {
    const origin = p(q.origin.normalize('NFKC'));
    where.push(`(lower(i.origin_country) = lower(${origin}) OR lower(i.origin_region) = lower(${origin}))`);
  }
  if (q.minPrice !== undefined) where.push(`i.price_from >= ${p(q.minPrice)}`);
  if (q.maxPrice !== undefined) where.push(`i.price_from <= ${p(q.maxPrice)}`);
  // Substring match per word. pg_trgm's GIN index narrows words of 3+ characters; shorter ones
  // (1–2 Hangul syllables are common queries) are checked by the same ILIKE on the rows left.
  for (const term of terms) where.push(`i.search_text ILIKE ${p(containsPattern(term))}`);
  const filter = where.join(' AND ');

  let source = 'catalog_items i';
  let score = '0::float8 AS score';
  if (q.sort === 'popular') {
    const r = ranking ?? { ids: [], scores: [] };
    source += ` LEFT JOIN unnest(${p(r.ids)}::uuid[], ${p(r.scores)}::float8[]) AS r(id, score) ON r.id = i.id`;
    score = 'coalesce(r.score, 0) AS score';
  }
  const innerOrder = q.sort === 'popular' ? `coalesce(r.score, 0) DESC, i.published_at DESC, i.id DESC` : ORDER[q.sort]('i');
  const sql = `SELECT t.total, p.*, ${MAX_STOCK('p')}
    FROM (SELECT count(*)::int AS total FROM catalog_items i WHERE ${filter}) t
    LEFT JOIN LATERAL (
      SELECT ${SUMMARY_COLUMNS}, ${score} FROM ${source} WHERE ${filter}
      ORDER BY ${innerOrder} LIMIT ${p(q.size)} OFFSET ${p((q.page - 1) * q.size)}
    ) p ON true
    ORDER BY ${ORDER[q.sort]('p')}`;
  return { sql, params };
}

/** The ranked items still on sale, then the newest others (score 0), up to limit: one statement. */
export function rankingStatement(ranking: Ranking, limit: number): { sql: string; params: unknown[] } {
  const sql = `SELECT p.*, ${MAX_STOCK('p')} FROM (
      SELECT ${SUMMARY_COLUMNS}, r.score FROM catalog_items i JOIN unnest($1::uuid[], $2::float8[]) AS r(id, score) ON r.id = i.id
      WHERE i.status = 'ON_SALE'
      UNION ALL
      (SELECT ${SUMMARY_COLUMNS}, 0::float8 AS score FROM catalog_items i
        WHERE i.status = 'ON_SALE' AND NOT (i.id = ANY($1::uuid[])) ORDER BY i.published_at DESC, i.id DESC LIMIT $3)
    ) p ORDER BY p.score DESC, p.published_at DESC, p.id DESC LIMIT $3`;
  return { sql, params: [ranking.ids, ranking.scores, limit] };
}

/** The item with its options' stock and the on-sale items of other roasters of the same lot: one statement. */
export const DETAIL_STATEMENT = `SELECT i.id, i.item_version, i.name, i.partner_id, i.partner_name, i.origin_country, i.origin_region,
    i.producer, i.lot, i.variety, i.process, i.roast_level, i.tasting_notes, i.description, i.image_urls, i.options,
    i.price_from, i.published_at,
    (SELECT coalesce(json_object_agg(s.option_id, s.stock), '{}'::json) FROM catalog_option_stock s WHERE s.option_id = ANY(i.option_ids)) AS stocks,
    (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'partnerId', o.partner_id, 'partnerName', o.partner_name)
       ORDER BY o.published_at, o.id), '[]'::json)
     FROM catalog_items o
     WHERE i.lot_key <> '' AND o.lot_key = i.lot_key AND o.partner_id <> i.partner_id AND o.status = 'ON_SALE') AS also
  FROM catalog_items i WHERE i.id = $1 AND i.status = 'ON_SALE'`;

/** A row of DETAIL_STATEMENT. */
export interface DetailRow {
  id: string;
  item_version: number;
  name: string;
  partner_id: string;
  partner_name: string;
  origin_country: string;
  origin_region: string;
  producer: string;
  lot: string;
  variety: string;
  process: string;
  roast_level: string | null;
  tasting_notes: string[];
  description: string;
  image_urls: string[];
  options: { id: string; weightGrams: number; grind: string; priceWon: number }[];
  price_from: number | null;
  published_at: Date;
  stocks: Record<string, number>;
  also: { id: string; name: string; partnerId: string; partnerName: string }[];
}
