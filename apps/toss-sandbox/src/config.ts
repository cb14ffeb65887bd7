import { z } from 'zod';

/** The sandbox's environment, parsed once at start. */
export const sandboxEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3100),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/roastery_toss_sandbox'),
  /** Where PAYMENT_STATUS_CHANGED and BILLING_DELETED go (unset: no webhooks, as at Toss). */
  TOSS_SANDBOX_WEBHOOK_URL: z.url().optional(),
  /** Comma-separated accepted secret keys; unset accepts any test_sk_/test_gsk_ key. */
  TOSS_SANDBOX_SECRET_KEYS: z.string().optional(),
  TOSS_SANDBOX_MID: z.string().min(1).max(14).optional(),
  TOSS_SANDBOX_WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** 'shared': follow the platform clock every service follows (set through POST /admin/clock). */
  CLOCK_MODE: z.enum(['shared', 'system']).default('shared'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** Must equal the services' REDIS_PREFIX: the clock's key is `<REDIS_PREFIX>clock`. */
  REDIS_PREFIX: z.string().default('roastery:'),
});

/** The parsed environment. */
export type SandboxEnv = z.infer<typeof sandboxEnvSchema>;
