import { baseConfigShape, ConfigError, loadConfig } from '@roastery/config';
import { z } from 'zod';

/** user-service settings, parsed once at start-up with local defaults. */
export const configSchema = z.object({
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/roastery_user'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  /** Wrong passwords per account, and (higher) per client address, within the window → 429. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Redis cache-aside for catalog detail and list pages (ADR 0011); off reads PostgreSQL every time. */
  CATALOG_CACHE_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .default(true),
  /** Lifetime of a cached catalog page or item; catalog events invalidate sooner. */
  CATALOG_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** An option with at most this many units left shows as LOW (0 is SOLD_OUT). */
  CATALOG_LOW_STOCK_THRESHOLD: z.coerce.number().int().min(0).max(1_000_000).default(5),
  /** How many top-ranked items of the week `sort=popular` orders by score; the rest follow newest first. */
  CATALOG_POPULAR_DEPTH: z.coerce.number().int().min(10).max(10_000).default(1000),
  /** Toss core API: the sandbox by default; https://api.tosspayments.com with real keys. */
  TOSS_API_URL: z.url().default('http://127.0.0.1:3100'),
  /** Basic-auth secret key; the sandbox accepts any `test_sk_…` key unless told otherwise. */
  TOSS_SECRET_KEY: z.string().regex(/^(test|live)_(g?sk)_/, 'a Toss secret key (test_sk_… or live_sk_…)').default('test_sk_roastery_local_sandbox'),
  /**
   * Client key for the Toss JS SDK. When set, the web opens the real Toss billing-auth window;
   * unset, it opens the sandbox's card form at TOSS_WINDOW_URL.
   */
  TOSS_CLIENT_KEY: z.string().regex(/^(test|live)_(g?ck)_/).optional(),
  /** Where a browser reaches the sandbox's billing-auth window (defaults to TOSS_API_URL). */
  TOSS_WINDOW_URL: z.url().optional(),
  /** Payment methods one account may keep. */
  PAYMENT_METHODS_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).max(50).default(5),
});

export type UserServiceConfig = z.infer<typeof configSchema>;

export const CONFIG = Symbol('USER_SERVICE_CONFIG');

/** Parses the environment; production must name a real Toss key rather than the sandbox default. */
export function parseConfig(env: Record<string, string | undefined>): UserServiceConfig {
  const config = loadConfig(configSchema, env);
  if (config.NODE_ENV === 'production' && !env['TOSS_SECRET_KEY']) {
    throw new ConfigError(['TOSS_SECRET_KEY: production needs the merchant secret key (the sandbox default is for development)']);
  }
  return config;
}
