import { baseConfigShape, loadConfig } from '@roastery/config';
import { z } from 'zod';

/** admin-service settings, parsed once at start-up with local defaults. */
export const configSchema = z
  .object({
    ...baseConfigShape,
    PORT: z.coerce.number().int().min(0).max(65535).default(3003),
    DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/roastery_admin'),
    /** The sane price band per 100 g, in won: product options outside it are flagged for review. */
    PRICE_PER_100G_MIN_WON: z.coerce.number().int().min(0).default(2000),
    PRICE_PER_100G_MAX_WON: z.coerce.number().int().min(1).default(60000),
    /** Toss core API for reconciliation (listings and lookups only): the sandbox by default. */
    TOSS_API_URL: z.url().default('http://127.0.0.1:3100'),
    /** admin-service's own Basic-auth secret key; the sandbox accepts any `test_sk_…` key. */
    TOSS_SECRET_KEY: z.string().regex(/^(test|live)_(g?sk)_/, 'a Toss secret key (test_sk_… or live_sk_…)').default('test_sk_roastery_local_sandbox'),
    /** The whole reconciliation request (every page of Toss's listing) must finish within this, else 504. */
    RECONCILIATION_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(55_000),
    /** Rows per page of Toss's transactions listing (Toss allows 1–5000). */
    RECONCILIATION_PAGE_SIZE: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .refine((c) => c.PRICE_PER_100G_MIN_WON < c.PRICE_PER_100G_MAX_WON, {
    path: ['PRICE_PER_100G_MAX_WON'],
    message: 'must be greater than PRICE_PER_100G_MIN_WON',
  });

export type AdminServiceConfig = z.infer<typeof configSchema>;

export const CONFIG = Symbol('ADMIN_SERVICE_CONFIG');

export const parseConfig = (env: Record<string, string | undefined>) => loadConfig(configSchema, env);
