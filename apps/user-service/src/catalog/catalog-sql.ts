import type { CatalogQuery } from '@roastery/contracts';
import { containsPattern, countedFacet } from './catalog.rules';

/*
 * The catalog's read statements. List and ranking answers are glued together in PostgreSQL from
 * each item's stored summary JSON (written once per published version): parsing twenty rows into
 * JavaScript and serialising them again, or building the JSON per request in SQL, cost more CPU
 * than finding the rows (BENCHMARKS.md).
 */

/** Columns a page is built from: the stored summary, what it is ordered by, and the stock its status comes from. */
const PAGE_COLUMNS = `i.id, i.summary_json, i.price_from, i.published_at, i.max_stock`;

/**
 * The SQL form of `stockStatusOf` in catalog.rules.ts, applied to the best stock of the item's
 * current options (an item is as available as its best option; unknown stock is sold out). The
 * e2e tests check both forms at the threshold's edges.
 */
const stockStatus = (alias: string, threshold: string) =>
  `CASE WHEN coalesce(${alias}.max_stock, 0) <= 0 THEN 'SOLD_OUT' WHEN ${alias}.max_stock <= ${threshold} THEN 'LOW' ELSE 'IN_STOCK' END`;

/** A `CatalogItemSummaryDto` as JSON text: the stored summary with its stock status (and extra fields) appended. */
const summaryJson = (a: string, threshold: string, extra = '') =>
  `left(${a}.summary_json, -1) || ',"stockStatus":"' || ${stockStatus(a, threshold)} || '"${extra ? `' || ${extra} || '` : ''}}'`;

/** A list statement's one row: the page's items as JSON array text, and the total. */
export interface ListRow {
  total: number;
  items: string;
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

/** A statement with its parameters, and whether its plan is the same whatever their values (see CatalogReader). */
export interface Statement {
  sql: string;
  params: unknown[];
  prepare: boolean;
}

/**
 * One statement for a list page and its total, whatever the page size: the page is ordered by an
 * index where one fits; the total of a browse page (no filter, or roast only) is the facet count
 * the read model keeps, any other total is counted with the page's filter.
 */
export function listStatement(q: CatalogQuery, terms: string[], ranking: Ranking | null, lowStockThreshold: number): Statement {
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
  // Substring match per word on the lower-cased search text (so LIKE, which compares bytes, is
  // enough and twice as fast as ILIKE). pg_trgm's GIN index narrows words of 3+ characters;
  // shorter ones (1–2 Hangul syllables are common queries) are checked on the rows left, by a scan
  // when they are the only condition.
  for (const term of terms) where.push(`i.search_text LIKE ${p(containsPattern(term))}`);
  const filter = where.join(' AND ');

  const facet = countedFacet(q);
  const total = facet
    ? `coalesce((SELECT f.items FROM catalog_facet_counts f WHERE f.facet = ${p(facet)}), 0)`
    : `(SELECT count(*)::int FROM catalog_items i WHERE ${filter})`;
  const threshold = `${p(lowStockThreshold)}::int`;
  const limit = `LIMIT ${p(q.size)} OFFSET ${p((q.page - 1) * q.size)}`;
  let page: string;
  if (q.sort === 'popular') {
    // Ranked items first (by score), then all others newest first. Each part stops at the end of
    // the page, so the unranked part reads the newest-first index instead of sorting every item.
    const r = ranking ?? { ids: [], scores: [] };
    const ids = `${p(r.ids)}::uuid[]`;
    const upTo = `LIMIT ${p(q.page * q.size)}`;
    page = `SELECT * FROM (
        (SELECT ${PAGE_COLUMNS}, r.score, 0 AS bucket FROM catalog_items i JOIN unnest(${ids}, ${p(r.scores)}::float8[]) AS r(id, score) ON r.id = i.id
          WHERE ${filter} ORDER BY r.score DESC, i.published_at DESC, i.id DESC ${upTo})
        UNION ALL
        (SELECT ${PAGE_COLUMNS}, 0::float8 AS score, 1 AS bucket FROM catalog_items i WHERE ${filter} AND i.id <> ALL(${ids})
          ORDER BY i.published_at DESC, i.id DESC ${upTo})
      ) u ORDER BY u.bucket, u.score DESC, u.published_at DESC, u.id DESC ${limit}`;
  } else {
    page = `SELECT ${PAGE_COLUMNS}, 0::float8 AS score FROM catalog_items i WHERE ${filter} ORDER BY ${ORDER[q.sort]('i')} ${limit}`;
  }
  const sql = `SELECT ${total} AS total,
    '[' || coalesce((SELECT string_agg(${summaryJson('p', threshold)}, ',' ORDER BY ${ORDER[q.sort]('p')}) FROM (${page}) p), '') || ']' AS items`;
  // Browse pages (no filter but roast) are the hot, parameter-insensitive shapes.
  return { sql, params, prepare: facet !== null };
}

/**
 * The ranked items still on sale, then the newest others (score 0), up to limit, as a JSON array
 * of summaries with rank and score: one statement.
 */
export function rankingStatement(ranking: Ranking, limit: number, lowStockThreshold: number): Statement {
  const sql = `SELECT '[' || coalesce(string_agg(${summaryJson('x', '$4::int', `',"rank":' || x.rank || ',"score":' || x.score`)}, ',' ORDER BY x.rank), '') || ']' AS items
    FROM (SELECT p.*, row_number() OVER (ORDER BY p.score DESC, p.published_at DESC, p.id DESC) AS rank FROM (
        SELECT ${PAGE_COLUMNS}, r.score FROM catalog_items i JOIN unnest($1::uuid[], $2::float8[]) AS r(id, score) ON r.id = i.id
        WHERE i.status = 'ON_SALE'
        UNION ALL
        (SELECT ${PAGE_COLUMNS}, 0::float8 AS score FROM catalog_items i
          WHERE i.status = 'ON_SALE' AND NOT (i.id = ANY($1::uuid[])) ORDER BY i.published_at DESC, i.id DESC LIMIT $3)
      ) p ORDER BY p.score DESC, p.published_at DESC, p.id DESC LIMIT $3) x`;
  return { sql, params: [ranking.ids, ranking.scores, limit, lowStockThreshold], prepare: true };
}

const DETAIL_SQL = `SELECT i.id, i.item_version, i.name, i.partner_id, i.partner_name, i.origin_country, i.origin_region,
    i.producer, i.lot, i.variety, i.process, i.roast_level, i.tasting_notes, i.description, i.image_urls, i.options,
    i.price_from, i.published_at,
    (SELECT coalesce(json_object_agg(s.option_id, s.stock), '{}'::json) FROM catalog_option_stock s WHERE s.option_id = ANY(i.option_ids)) AS stocks,
    (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'partnerId', o.partner_id, 'partnerName', o.partner_name)
       ORDER BY o.published_at, o.id), '[]'::json)
     FROM catalog_items o
     WHERE o.lot_key = i.lot_key AND o.lot_key <> '' AND o.partner_id <> i.partner_id AND o.status = 'ON_SALE') AS also
  FROM catalog_items i WHERE i.id = $1 AND i.status = 'ON_SALE'`;

/** The item with its options' stock and the on-sale items of other roasters of the same lot: one statement. */
export const detailStatement = (id: string): Statement => ({ sql: DETAIL_SQL, params: [id], prepare: true });

/** A row of the detail statement. */
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
