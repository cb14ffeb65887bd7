import type { Grind, ProductOption } from '@roastery/contracts';

/** An option the product already has (live or retired). */
export interface KnownOption {
  id: string;
  weightGrams: number;
  grind: Grind;
  retired: boolean;
}

/** An option as an edit lists it: with `id` to keep an existing option, without to add one. */
export interface OptionEdit {
  id?: string;
  weightGrams: number;
  grind: Grind;
  priceWon: number;
  stock?: number;
}

/** A field-level complaint, shaped like the API's validation details. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The outcome of reconciling an edit's option list with the product's options. */
export interface OptionPlan {
  /** The new version's options, in the order given. */
  options: ProductOption[];
  /** Options to create, with their starting stock. */
  created: Array<ProductOption & { stock: number }>;
  /** Kept options whose stock the edit sets. */
  stockSets: Array<{ id: string; stock: number }>;
  /** Live options the edit omits: retired for good. */
  retired: string[];
}

const key = (o: { weightGrams: number; grind: Grind }) => `${o.weightGrams}:${o.grind}`;

/**
 * Reconciles an edit's option list with the options the product has. Kept options must exist,
 * be live and keep their weight and grind (subscriptions point at the id, so what it means cannot
 * change; only the price may). New options get fresh ids, omitted live ones are retired, and a
 * retired id never comes back. Two options of one version may not share weight and grind.
 */
export function reconcileEditOptions(known: readonly KnownOption[], edit: readonly OptionEdit[], newId: () => string): { ok: true; plan: OptionPlan } | { ok: false; issues: FieldIssue[] } {
  const byId = new Map(known.map((o) => [o.id, o]));
  const issues: FieldIssue[] = [];
  const seenIds = new Set<string>();
  const seenKeys = new Map<string, number>();
  const plan: OptionPlan = { options: [], created: [], stockSets: [], retired: [] };

  for (const [i, o] of edit.entries()) {
    const at = `options.${i}`;
    const dup = seenKeys.get(key(o));
    if (dup !== undefined) issues.push({ path: at, message: `same weight and grind as options.${dup}` });
    else seenKeys.set(key(o), i);

    if (o.id === undefined) {
      const id = newId();
      plan.options.push({ id, weightGrams: o.weightGrams, grind: o.grind, priceWon: o.priceWon });
      plan.created.push({ id, weightGrams: o.weightGrams, grind: o.grind, priceWon: o.priceWon, stock: o.stock ?? 0 });
      continue;
    }
    const existing = byId.get(o.id);
    const refusal = keepRefusal(existing, seenIds.has(o.id));
    if (refusal !== null || !existing) {
      issues.push({ path: `${at}.id`, message: refusal ?? 'not an option of this product' });
      continue;
    }
    seenIds.add(o.id);
    if (existing.weightGrams !== o.weightGrams) issues.push({ path: `${at}.weightGrams`, message: "an option's weight cannot change; add a new option" });
    if (existing.grind !== o.grind) issues.push({ path: `${at}.grind`, message: "an option's grind cannot change; add a new option" });
    plan.options.push({ id: o.id, weightGrams: o.weightGrams, grind: o.grind, priceWon: o.priceWon });
    if (o.stock !== undefined) plan.stockSets.push({ id: o.id, stock: o.stock });
  }

  if (issues.length > 0) return { ok: false, issues };
  plan.retired = known.filter((o) => !o.retired && !seenIds.has(o.id)).map((o) => o.id);
  return { ok: true, plan };
}

function keepRefusal(existing: KnownOption | undefined, listedBefore: boolean): string | null {
  if (!existing) return 'not an option of this product';
  if (existing.retired) return 'this option was retired; add a new option instead';
  if (listedBefore) return 'listed twice';
  return null;
}

/** How a merged version's options map onto the target product. */
export interface MergePlan {
  /** The target's new version options, in the source's order. */
  options: ProductOption[];
  /**
   * Source options the target gains, moved with their ids and stock: admin-service's catalog item
   * already names them by these ids, and ids must mean the same option everywhere.
   */
  moved: string[];
  /** Target options the merged version omits: retired for good. */
  retired: string[];
}

/**
 * Maps the source version's options onto the target product: where weight and grind match a live
 * target option, the target's id is kept (its subscribers keep pointing at it); otherwise the
 * source option moves over with its own id. Live target options without a counterpart are
 * retired. Prices come from the source.
 */
export function reconcileMergeOptions(targetLive: ReadonlyArray<Pick<KnownOption, 'id' | 'weightGrams' | 'grind'>>, source: readonly ProductOption[]): MergePlan {
  const targetByKey = new Map(targetLive.map((o) => [key(o), o]));
  const kept = new Set<string>();
  const plan: MergePlan = { options: [], moved: [], retired: [] };
  for (const o of source) {
    const match = targetByKey.get(key(o));
    if (match && !kept.has(match.id)) {
      kept.add(match.id);
      plan.options.push({ id: match.id, weightGrams: o.weightGrams, grind: o.grind, priceWon: o.priceWon });
    } else {
      plan.options.push({ id: o.id, weightGrams: o.weightGrams, grind: o.grind, priceWon: o.priceWon });
      plan.moved.push(o.id);
    }
  }
  plan.retired = targetLive.filter((o) => !kept.has(o.id)).map((o) => o.id);
  return plan;
}
