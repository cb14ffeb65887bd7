import { baseConfigShape, loadConfig } from '@roastery/config';
import { z } from 'zod';

/** admin-service settings, parsed once at start-up with local defaults. */
export const configSchema = z.object({
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3003),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/roastery_admin'),
});

export type AdminServiceConfig = z.infer<typeof configSchema>;

export const CONFIG = Symbol('ADMIN_SERVICE_CONFIG');

export const parseConfig = (env: Record<string, string | undefined>) => loadConfig(configSchema, env);
