import type { ProductOption } from '@roastery/contracts';

/**
 * The options a target's catalog item carries after a duplicate is folded into it: where weight and
 * grind match one of the target's options, the target's id is kept (its subscribers keep pointing
 * at it) with the source's price; otherwise the source option keeps its own id, which is unique and
 * never reused (its product is closed as MERGED). Target options without a counterpart drop out.
 */
export function foldOptions(target: readonly ProductOption[], source: readonly ProductOption[]): ProductOption[] {
  const byShape = new Map(target.map((o) => [shape(o), o]));
  const kept = new Set<string>();
  return source.map((o) => {
    const match = byShape.get(shape(o));
    if (!match || kept.has(match.id)) return { ...o };
    kept.add(match.id);
    return { ...o, id: match.id };
  });
}

/**
 * The catalog's version number for folded content: one past both the target's newest submitted
 * version and the version its item carries, so it orders after everything seen of the target.
 */
export function foldedVersion(targetLatestSubmitted: number, targetItemVersion: number): number {
  return Math.max(targetLatestSubmitted, targetItemVersion) + 1;
}

function shape(o: Pick<ProductOption, 'weightGrams' | 'grind'>): string {
  return `${o.weightGrams}:${o.grind}`;
}
