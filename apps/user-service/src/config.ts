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
  /**
   * How long a Toss mutation (a billing charge above all) may take before its outcome counts as
   * unknown and is left to the resolver. Toss may take up to 60 s; chaos tests set it short.
   */
  TOSS_CHARGE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(65_000),
  /** Platform commission on a partner's line total, in basis points (1 000 = 10 %). */
  COMMISSION_RATE_BP: z.coerce.number().int().min(0).max(10_000).default(1000),
  /** Shipping fee per partner and order, waived from the threshold of that partner's merchandise. */
  SHIPPING_FEE_WON: z.coerce.number().int().min(0).max(100_000).default(3000),
  FREE_SHIPPING_THRESHOLD_WON: z.coerce.number().int().min(0).max(10_000_000).default(30_000),
  /** Version of the recurring-payment terms a subscriber agrees to when subscribing. */
  RECURRING_TERMS_VERSION: z.string().min(1).max(40).default('2026-11-01'),
  /** How long POST /api/subscriptions waits for the first box's charge before answering with it pending. */
  SUBSCRIBE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(10_000),
  /** Subscriptions claimed per billing transaction, and charges sent to Toss at once. */
  BILLING_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(500),
  BILLING_CHARGE_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
  /** How often the scheduled billing run looks for due subscriptions (on the elected instance). */
  BILLING_RUN_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  /** Boxes in a row skipped for failed payment before a subscription is paused as PAST_DUE. */
  PAST_DUE_AFTER_FAILED_CYCLES: z.coerce.number().int().min(1).max(12).default(2),
  /** Days a partner's price rise is announced before it may reach a subscription (with consent). */
  PRICE_RISE_NOTICE_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  /** Payment methods one account may keep. */
  PAYMENT_METHODS_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).max(50).default(5),
  /** Largest refund a partner may make at once on its own lines (business-service uses the same default). */
  PARTNER_REFUND_LIMIT_WON: z.coerce.number().int().min(0).max(100_000_000).default(50_000),
  /** Least time between two cancels of one payment sent to Toss (Toss ignores a second one within ~1 s). */
  REFUND_MIN_SPACING_MS: z.coerce.number().int().min(0).max(60_000).default(1_100),
  /** How often refund queues with work left (new, or an unknown outcome to resolve) are drained. */
  REFUND_DRAIN_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2_000),
  /** Days after delivery that a purchase is confirmed automatically (shared clock). */
  ORDER_AUTO_CONFIRM_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** How often delivered orders are checked for automatic confirmation. */
  ORDER_AUTO_CONFIRM_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
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
