import type { ValueTransformer } from 'typeorm';

/** Maps PostgreSQL bigint columns (returned by pg as strings) to integer won numbers. */
export const wonTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
