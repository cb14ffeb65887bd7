import { missingForSubmission, type ProductFinding, type ProductOption, type ProductVersionContent, type VersionDiffEntry } from '@roastery/contracts';

/** The sane price band per 100 g, in won (configuration). */
export interface PriceBand {
  minPer100gWon: number;
  maxPer100gWon: number;
}

/** Another product of the same partner with the same coffee key. */
export interface DuplicateCandidate {
  productId: string;
  /** True when it has a catalog item (approved), false when it is only in review. */
  approved: boolean;
}

/** What the findings are computed from. */
export interface FindingsInput {
  content: ProductVersionContent;
  /** The last approved content of this product, or null for a first submission. */
  previousApproved: ProductVersionContent | null;
  priceBand: PriceBand;
  duplicates: DuplicateCandidate[];
}

/** Fields a subscriber expects to read before buying; empty ones are worth a reviewer's look. */
const RECOMMENDED: { field: string; empty: (c: ProductVersionContent) => boolean }[] = [
  { field: 'description', empty: (c) => !c.description.trim() },
  { field: 'imageUrls', empty: (c) => c.imageUrls.length === 0 },
  { field: 'tastingNotes', empty: (c) => c.tastingNotes.filter((n) => n.trim()).length === 0 },
  { field: 'producer', empty: (c) => !c.producer.trim() },
  { field: 'variety', empty: (c) => !c.variety.trim() },
  { field: 'origin.region', empty: (c) => !c.origin.region.trim() },
];

/** Fields whose change alone lets a trusted partner's edit skip review. */
const SMALL_EDIT_FIELDS = new Set(['description', 'tastingNotes', 'imageUrls']);

/**
 * Automatic findings shown beside a product submission: missing required or recommended fields
 * (required ones are re-checked: the producer is not trusted blindly), options priced outside the
 * sane band per 100 g, suspected duplicates of the same partner's coffee (each a merge target), and
 * a changed price or origin since the last approved version.
 */
export function productFindings(i: FindingsInput): ProductFinding[] {
  const findings: ProductFinding[] = [];
  for (const field of missingForSubmission(i.content)) {
    findings.push({ code: 'MISSING_FIELD', message: `required field ${field} is missing` });
  }
  for (const r of RECOMMENDED) {
    if (r.empty(i.content)) findings.push({ code: 'MISSING_FIELD', message: `recommended field ${r.field} is empty` });
  }
  for (const o of i.content.options) {
    const out = priceOutOfBand(o, i.priceBand);
    if (out) findings.push({ code: 'PRICE_OUT_OF_BAND', message: `${optionLabel(o)}: ${won(per100g(o))} won per 100 g is ${out} the band ${won(i.priceBand.minPer100gWon)}–${won(i.priceBand.maxPer100gWon)}` });
  }
  for (const d of i.duplicates) {
    findings.push({
      code: 'SUSPECTED_DUPLICATE',
      message: d.approved ? 'the same coffee (name, origin, lot, process, roast) is already on sale by this roaster' : 'the same coffee (name, origin, lot, process, roast) by this roaster is in review',
      productId: d.productId,
    });
  }
  if (i.previousApproved) {
    const before = new Map(i.previousApproved.options.map((o) => [o.id, o]));
    for (const o of i.content.options) {
      const old = before.get(o.id);
      if (old && old.priceWon !== o.priceWon) findings.push({ code: 'PRICE_CHANGED', message: `${optionLabel(o)}: ${won(old.priceWon)} → ${won(o.priceWon)} won` });
    }
    const was = i.previousApproved.origin;
    const is = i.content.origin;
    if (was.country !== is.country || was.region !== is.region) {
      findings.push({ code: 'ORIGIN_CHANGED', message: `origin ${place(was)} → ${place(is)}` });
    }
  }
  return findings;
}

/**
 * Field-by-field differences from before to after. Options are compared by their stable id:
 * `options.<id>` for an added or removed option, `options.<id>.<field>` for a changed one.
 */
export function versionDiff(before: ProductVersionContent, after: ProductVersionContent): VersionDiffEntry[] {
  const diff: VersionDiffEntry[] = [];
  const scalar: [string, (c: ProductVersionContent) => unknown][] = [
    ['name', (c) => c.name],
    ['origin.country', (c) => c.origin.country],
    ['origin.region', (c) => c.origin.region],
    ['producer', (c) => c.producer],
    ['lot', (c) => c.lot],
    ['variety', (c) => c.variety],
    ['process', (c) => c.process],
    ['roastLevel', (c) => c.roastLevel],
    ['tastingNotes', (c) => c.tastingNotes],
    ['description', (c) => c.description],
    ['imageUrls', (c) => c.imageUrls],
  ];
  for (const [field, get] of scalar) {
    if (!same(get(before), get(after))) diff.push({ field, before: get(before), after: get(after) });
  }
  const old = new Map(before.options.map((o) => [o.id, o]));
  const now = new Map(after.options.map((o) => [o.id, o]));
  for (const o of before.options) if (!now.has(o.id)) diff.push({ field: `options.${o.id}`, before: o, after: null });
  for (const o of after.options) {
    const was = old.get(o.id);
    if (!was) {
      diff.push({ field: `options.${o.id}`, before: null, after: o });
      continue;
    }
    for (const key of ['weightGrams', 'grind', 'priceWon'] as const) {
      if (was[key] !== o[key]) diff.push({ field: `options.${o.id}.${key}`, before: was[key], after: o[key] });
    }
  }
  return diff;
}

/**
 * Whether a trusted partner's edit may skip review: it changes nothing but the description,
 * tasting notes or images (stock is not versioned, so it never reaches review at all).
 */
export function isSmallEdit(diff: VersionDiffEntry[]): boolean {
  return diff.every((d) => SMALL_EDIT_FIELDS.has(d.field));
}

function per100g(o: ProductOption): number {
  return Math.round((o.priceWon * 100) / o.weightGrams);
}

/** Compared in integers (price × 100 against band × grams), so no rounding decides a borderline case. */
function priceOutOfBand(o: ProductOption, band: PriceBand): 'below' | 'above' | null {
  if (o.priceWon * 100 < band.minPer100gWon * o.weightGrams) return 'below';
  if (o.priceWon * 100 > band.maxPer100gWon * o.weightGrams) return 'above';
  return null;
}

function optionLabel(o: ProductOption): string {
  return `${o.weightGrams} g ${o.grind}`;
}

function won(n: number): string {
  return n.toLocaleString('en-US');
}

function place(o: { country: string; region: string }): string {
  return [o.country, o.region].filter(Boolean).join(' / ') || '(none)';
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
