import { baseConfigShape, loadConfig } from '@roastery/config';
import { z } from 'zod';

/** business-service settings, parsed once at start-up with local defaults. */
export const configSchema = z.object({
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/roastery_business'),
  /** The most a partner may refund of its own lines in one refund (issue 6). */
  PARTNER_REFUND_LIMIT_WON: z.coerce.number().int().positive().default(50_000),
});

export type BusinessServiceConfig = z.infer<typeof configSchema>;

export const CONFIG = Symbol('BUSINESS_SERVICE_CONFIG');

export const parseConfig = (env: Record<string, string | undefined>) => loadConfig(configSchema, env);
