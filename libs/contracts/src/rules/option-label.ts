import type { Grind } from '../http/product';

const GRIND_LABELS: Record<Grind, string> = { WHOLE_BEAN: 'Whole bean', ESPRESSO: 'Espresso grind', FILTER: 'Filter grind' };

/** How an option is named on orders and notices: `200 g · Whole bean`. */
export function optionLabel(option: { weightGrams: number; grind: Grind }): string {
  return `${option.weightGrams} g · ${GRIND_LABELS[option.grind] ?? option.grind}`;
}
