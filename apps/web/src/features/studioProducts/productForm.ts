import {
  createProductRequestSchema,
  missingForSubmission,
  updateProductRequestSchema,
  type Grind,
  type PartnerProductDto,
  type RoastLevel,
} from '@roastery/contracts';
import { zodFieldErrors } from '../../common/formErrors';
import type { CreateProductBody, UpdateProductBody } from './studioProductsApi';

/** One row of the options table. `id` is the server's and is sent back unchanged; new rows have none. */
export interface OptionRow {
  /** React key; stable for the life of the row, also for rows without an id yet. */
  key: string;
  id?: string;
  weightGrams: string;
  grind: Grind;
  priceWon: string;
  /** Only new rows send stock with the product; existing options change stock on their own. */
  stock: string;
}

/** The editor's values: text as typed, parsed only when saving. */
export interface ProductFormValues {
  name: string;
  country: string;
  region: string;
  producer: string;
  lot: string;
  variety: string;
  process: string;
  roastLevel: RoastLevel | '';
  /** Comma-separated. */
  tastingNotes: string;
  description: string;
  /** One URL per line. */
  imageUrls: string;
  options: OptionRow[];
}

export type ProductFormErrors = Record<string, string>;

let nextKey = 0;
/** A fresh key for a row the partner added. */
export function newRowKey(): string {
  nextKey += 1;
  return `new-${nextKey}`;
}

export function newOptionRow(overrides: Partial<OptionRow> = {}): OptionRow {
  return { key: newRowKey(), weightGrams: '200', grind: 'WHOLE_BEAN', priceWon: '', stock: '0', ...overrides };
}

export function emptyProductForm(): ProductFormValues {
  return {
    name: '',
    country: '',
    region: '',
    producer: '',
    lot: '',
    variety: '',
    process: '',
    roastLevel: '',
    tastingNotes: '',
    description: '',
    imageUrls: '',
    options: [newOptionRow()],
  };
}

/** The editor's starting values for a product's working version. */
export function productToForm(product: PartnerProductDto): ProductFormValues {
  const c = product.current.content;
  return {
    name: c.name,
    country: c.origin.country,
    region: c.origin.region,
    producer: c.producer,
    lot: c.lot,
    variety: c.variety,
    process: c.process,
    roastLevel: c.roastLevel ?? '',
    tastingNotes: c.tastingNotes.join(', '),
    description: c.description,
    imageUrls: c.imageUrls.join('\n'),
    options: product.current.options.map((o) => ({
      key: o.id,
      id: o.id,
      weightGrams: String(o.weightGrams),
      grind: o.grind,
      priceWon: String(o.priceWon),
      stock: String(o.stock),
    })),
  };
}

/** `12,000` and ` 12000 ` are 12000; an empty field is NaN, which the schema reports as required. */
function toInt(text: string): number {
  const cleaned = text.replace(/[,\s_]/g, '');
  return cleaned === '' ? Number.NaN : Number(cleaned);
}

function content(v: ProductFormValues) {
  return {
    name: v.name,
    origin: { country: v.country, region: v.region },
    producer: v.producer,
    lot: v.lot,
    variety: v.variety,
    process: v.process,
    roastLevel: v.roastLevel === '' ? null : v.roastLevel,
    tastingNotes: v.tastingNotes
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
    description: v.description,
    imageUrls: v.imageUrls
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

/** Two rows for the same weight and grind would be the same thing to a subscriber. */
function duplicateOptionErrors(rows: OptionRow[]): ProductFormErrors {
  const seen = new Map<string, number>();
  const errors: ProductFormErrors = {};
  rows.forEach((row, i) => {
    const key = `${toInt(row.weightGrams)}|${row.grind}`;
    if (seen.has(key)) errors[`options.${i}.grind`] = `Same weight and grind as option ${(seen.get(key) ?? 0) + 1}`;
    else seen.set(key, i);
  });
  return errors;
}

export type ParsedForm<B> = { ok: true; body: B } | { ok: false; errors: ProductFormErrors };

/** POST body for a new draft, validated with the schema the server uses. */
export function toCreateBody(v: ProductFormValues): ParsedForm<CreateProductBody> {
  const raw = {
    ...content(v),
    options: v.options.map((r) => ({ weightGrams: toInt(r.weightGrams), grind: r.grind, priceWon: toInt(r.priceWon), stock: toInt(r.stock) })),
  };
  return parse(createProductRequestSchema, raw, v.options);
}

/**
 * PATCH body for the working version. Existing options go back with their ids unchanged (they are
 * stable across versions: subscriptions point at them); an option left out is retired; new rows
 * carry no id and bring their starting stock.
 */
export function toUpdateBody(v: ProductFormValues): ParsedForm<UpdateProductBody> {
  const raw = {
    ...content(v),
    options: v.options.map((r) =>
      r.id
        ? { id: r.id, weightGrams: toInt(r.weightGrams), grind: r.grind, priceWon: toInt(r.priceWon) }
        : { weightGrams: toInt(r.weightGrams), grind: r.grind, priceWon: toInt(r.priceWon), stock: toInt(r.stock) },
    ),
  };
  return parse(updateProductRequestSchema, raw, v.options);
}

function parse<B>(schema: { safeParse(v: unknown): { success: true; data: B } | { success: false; error: Parameters<typeof zodFieldErrors>[0] } }, raw: unknown, rows: OptionRow[]): ParsedForm<B> {
  const result = schema.safeParse(raw);
  const errors = { ...(result.success ? {} : formErrorsFromPaths(zodFieldErrors(result.error))), ...duplicateOptionErrors(rows) };
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: result.data };
}

/**
 * Schema and server paths → the editor's field names: `origin.country` → `country`,
 * `imageUrls.2` → `imageUrls` (line 3), `tastingNotes.0` → `tastingNotes`.
 */
export function formErrorsFromPaths(byPath: Record<string, string>): ProductFormErrors {
  const out: ProductFormErrors = {};
  for (const [path, message] of Object.entries(byPath)) {
    let key = path;
    let text = message;
    if (path === 'origin.country') key = 'country';
    else if (path === 'origin.region') key = 'region';
    else if (/^imageUrls\.\d+$/.test(path)) {
      key = 'imageUrls';
      text = `Line ${Number(path.split('.')[1]) + 1}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
    } else if (/^tastingNotes\.\d+$/.test(path)) key = 'tastingNotes';
    if (!(key in out)) out[key] = text;
  }
  return out;
}

/** Names of the fields a version needs before review, for the form's current values. */
export function missingBeforeSubmit(v: ProductFormValues): string[] {
  // Only the presence of options matters here; their numbers are checked by the schema on save.
  const options = v.options.map((r, i) => ({ id: r.id ?? `row-${i}`, weightGrams: 0, grind: r.grind, priceWon: 0 }));
  return missingForSubmission({ ...content(v), options });
}

const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  'origin.country': 'Origin country',
  'origin.region': 'Origin region',
  producer: 'Farm or producer',
  lot: 'Lot',
  variety: 'Variety',
  process: 'Process',
  roastLevel: 'Roast level',
  tastingNotes: 'Tasting notes',
  description: 'Description',
  imageUrls: 'Image URLs',
  options: 'At least one option',
};

/** A reader's name for a product field path. */
export function fieldName(path: string): string {
  return FIELD_NAMES[path] ?? path;
}

/** The fields a 422 from submit lists as missing: `["name"]`, `[{path|field}]` or `{missing: [...]}`. */
export function missingFieldsFrom(details: unknown): string[] {
  const list: unknown = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null
      ? ((details as Record<string, unknown>).missing ?? (details as Record<string, unknown>).fields)
      : undefined;
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'object' && item !== null) {
      const { path, field } = item as { path?: unknown; field?: unknown };
      const p = Array.isArray(path) ? path.join('.') : (path ?? field);
      if (typeof p === 'string') out.push(p.replace(/^body\./, ''));
    }
  }
  return [...new Set(out)];
}
