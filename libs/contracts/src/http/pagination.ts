import { z } from 'zod';

/** `?page=&size=` with 1-based pages and a capped size (API.md, "Lists"). */
export const pageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}
