import { z } from 'zod';

export const ROAST_LEVELS = ['LIGHT', 'MEDIUM_LIGHT', 'MEDIUM', 'MEDIUM_DARK', 'DARK'] as const;
export type RoastLevel = (typeof ROAST_LEVELS)[number];

export const GRINDS = ['WHOLE_BEAN', 'ESPRESSO', 'FILTER'] as const;
export type Grind = (typeof GRINDS)[number];

export const PRODUCT_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'MERGED'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const VERSION_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'SUPERSEDED'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** Limits that keep one product a sane size. */
export const PRODUCT_LIMITS = { options: 12, images: 10, tastingNotes: 10, descriptionChars: 5000 } as const;

/** http(s) URLs only; the services store them and never fetch them. */
const imageUrl = z
  .string()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const text = (max: number) => z.string().trim().max(max);

/** The content fields and their limits, without defaults (an edit must not reset what it omits). */
const contentFields = {
  name: text(120).min(1),
  origin: z.strictObject({ country: text(60), region: text(100).default('') }),
  /** The farm, washing station or producer. */
  producer: text(120),
  lot: text(60),
  variety: text(120),
  /** Washed, natural, honey, anaerobic … free text, compared case-insensitively. */
  process: text(60),
  roastLevel: z.enum(ROAST_LEVELS).nullable(),
  tastingNotes: z.array(text(40).min(1)).max(PRODUCT_LIMITS.tastingNotes),
  description: z.string().max(PRODUCT_LIMITS.descriptionChars),
  imageUrls: z.array(imageUrl).max(PRODUCT_LIMITS.images),
};

/**
 * What a partner writes about a coffee. Drafts may leave fields empty; submitting requires the
 * core fields (see `missingForSubmission`). Text is stored as text and never rendered as HTML.
 */
export const productContentSchema = z.strictObject({
  name: contentFields.name,
  origin: contentFields.origin.default({ country: '', region: '' }),
  producer: contentFields.producer.default(''),
  lot: contentFields.lot.default(''),
  variety: contentFields.variety.default(''),
  process: contentFields.process.default(''),
  roastLevel: contentFields.roastLevel.default(null),
  tastingNotes: contentFields.tastingNotes.default([]),
  description: contentFields.description.default(''),
  imageUrls: contentFields.imageUrls.default([]),
});
export type ProductContent = z.output<typeof productContentSchema>;

/** One purchasable option. Ids are stable across versions and never reused (subscriptions point at them). */
export const productOptionInputSchema = z.strictObject({
  /** Absent for a new option; present to keep an existing one. */
  id: z.uuid().optional(),
  weightGrams: z.number().int().min(50).max(5000),
  grind: z.enum(GRINDS),
  priceWon: z.number().int().min(100).max(10_000_000),
});

/** POST /partner/products: a new draft, with each option's starting stock. */
export const createProductRequestSchema = productContentSchema.extend({
  options: z
    .array(productOptionInputSchema.omit({ id: true }).extend({ stock: z.number().int().min(0).max(1_000_000).default(0) }))
    .min(1)
    .max(PRODUCT_LIMITS.options),
});
export type CreateProductRequest = z.input<typeof createProductRequestSchema>;

/** PATCH /partner/products/:id: edits the working version; options omitted from the list are retired. */
export const updateProductRequestSchema = z.strictObject(contentFields).partial().extend({
  options: z.array(productOptionInputSchema.extend({ stock: z.number().int().min(0).max(1_000_000).optional() })).min(1).max(PRODUCT_LIMITS.options).optional(),
});
export type UpdateProductRequest = z.input<typeof updateProductRequestSchema>;
/** A validated edit: only the fields the client sent. */
export type ProductPatch = z.output<typeof updateProductRequestSchema>;

/** PATCH /partner/products/:id/stock. Never below zero. */
export const stockUpdateRequestSchema = z.strictObject({
  optionId: z.uuid(),
  stock: z.number().int().min(0).max(1_000_000),
});

/** An option as it travels in events and versions (without stock, which is not reviewed). */
export const productOptionSchema = z.object({
  id: z.uuid(),
  weightGrams: z.number().int(),
  grind: z.enum(GRINDS),
  priceWon: z.number().int().nonnegative(),
});
export type ProductOption = z.infer<typeof productOptionSchema>;

/** A version's full content: what review sees and what the catalog item is built from. */
export const productVersionContentSchema = z.object({
  name: z.string(),
  origin: z.object({ country: z.string(), region: z.string() }),
  producer: z.string(),
  lot: z.string(),
  variety: z.string(),
  process: z.string(),
  roastLevel: z.enum(ROAST_LEVELS).nullable(),
  tastingNotes: z.array(z.string()),
  description: z.string(),
  imageUrls: z.array(z.string()),
  options: z.array(productOptionSchema),
});
export type ProductVersionContent = z.infer<typeof productVersionContentSchema>;

/** Fields a version must have before it can be submitted for review. */
export function missingForSubmission(c: ProductVersionContent): string[] {
  const missing: string[] = [];
  if (!c.name.trim()) missing.push('name');
  if (!c.origin.country.trim()) missing.push('origin.country');
  if (!c.process.trim()) missing.push('process');
  if (c.roastLevel === null) missing.push('roastLevel');
  if (c.options.length === 0) missing.push('options');
  return missing;
}

/** An option as its partner sees it, with stock. */
export interface PartnerProductOptionDto extends ProductOption {
  stock: number;
}

/** A product as its partner sees it: the working version and what is on sale. */
export interface PartnerProductDto {
  id: string;
  partnerId: string;
  status: ProductStatus;
  /** The version being edited or reviewed (the newest). */
  current: {
    version: number;
    status: VersionStatus;
    content: Omit<ProductVersionContent, 'options'>;
    options: PartnerProductOptionDto[];
    rejectionReason: string | null;
    submittedAt: string | null;
    decidedAt: string | null;
  };
  /** The approved version on sale, if any (it stays on sale while the next is reviewed). */
  onSaleVersion: number | null;
  /** Set when the product was folded into another one. */
  mergedIntoProductId: string | null;
  createdAt: string;
  updatedAt: string;
}
