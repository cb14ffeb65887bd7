import type { ProductVersionContent } from '@roastery/contracts';

/**
 * Text as the catalog compares it: Unicode-normalised (NFKC), lower-cased, punctuation and symbols
 * turned into spaces, spaces collapsed and trimmed. Letters of every script (Hangul included) and
 * digits are kept, so "Yirgacheffe – Konga, Lot #7" and "yirgacheffe konga lot 7" compare equal.
 */
export function normaliseText(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The coffee-aware identity of one roaster's listing: normalised name, origin country, lot, process
 * and roast level. Two products of the same partner with the same key are suspected duplicates.
 */
export function coffeeKey(c: Pick<ProductVersionContent, 'name' | 'origin' | 'lot' | 'process' | 'roastLevel'>): string {
  return [c.name, c.origin.country, c.lot, c.process, c.roastLevel ?? ''].map(normaliseText).join('|');
}

/**
 * The farm-lot key `country|producer|lot` (normalised): catalog items sharing it are the same lot
 * roasted by different partners ("also roasted by"). Empty when neither producer nor lot is known,
 * because a bare country would group unrelated coffees.
 */
export function lotKey(c: Pick<ProductVersionContent, 'origin' | 'producer' | 'lot'>): string {
  const producer = normaliseText(c.producer);
  const lot = normaliseText(c.lot);
  if (!producer && !lot) return '';
  return [normaliseText(c.origin.country), producer, lot].join('|');
}
