import { z } from 'zod';

/**
 * A Toss amount in won. Toss sends JSON numbers, but one documented settlement sample sends
 * numeric strings ("800"), so both are accepted and returned as a number.
 */
export const amountSchema = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/** A string enum that Toss may extend without notice: known values autocomplete, others still parse. */
export type OpenEnum<T extends string> = T | (string & Record<never, never>);

/** Builds a lenient string schema typed as an open enum of the given known values. */
export function openEnum<T extends string>(): z.ZodType<OpenEnum<T>, string> {
  return z.string() as unknown as z.ZodType<OpenEnum<T>, string>;
}
