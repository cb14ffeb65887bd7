import { z } from 'zod';

/** An account keeps at most this many shipping addresses. */
export const MAX_ADDRESSES_PER_ACCOUNT = 10;

const digits = (s: string) => s.replace(/[-\s]/g, '');

/**
 * POST /api/me/addresses. Shared with the web form. Field limits are those of the order's ship-to
 * copy (`shipToSchema` in events/order.ts), so any saved address can be copied into an order.
 * `isDefault: true` makes the new address the default; the first address always is.
 */
export const createAddressRequestSchema = z.strictObject({
  /** A name for the address, e.g. `집`, `회사`; empty means none. */
  label: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((v) => (v ? v : null)),
  recipient: z.string().trim().min(1).max(50),
  phone: z
    .string()
    .max(20)
    .transform(digits)
    .refine((v) => /^0\d{8,10}$/.test(v), 'must be a Korean phone number'),
  postalCode: z
    .string()
    .max(10)
    .transform((v) => v.trim())
    .refine((v) => /^\d{5}$/.test(v), 'must be 5 digits'),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).default(''),
  isDefault: z.boolean().optional(),
});
export type CreateAddressRequest = z.input<typeof createAddressRequestSchema>;
export type CreateAddressBody = z.output<typeof createAddressRequestSchema>;

/** A saved shipping address as its owner sees it. Personal data: everything but the flags. */
export interface AddressDto {
  id: string;
  label: string | null;
  recipient: string;
  /** Digits only, e.g. `01012345678`. */
  phone: string;
  postalCode: string;
  line1: string;
  line2: string;
  isDefault: boolean;
  createdAt: string;
}
