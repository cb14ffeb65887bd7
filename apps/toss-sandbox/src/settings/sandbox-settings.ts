import { z } from 'zod';
import { isTossErrorCode } from '../common/toss-errors';
import { KOREAN_HOLIDAYS } from './korean-holidays';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Fault injection on the /v1 API: added latency and a random share of error answers. */
export const faultsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(600_000),
  errorRate: z.number().min(0).max(1),
  errorCode: z.string().refine(isTossErrorCode, 'not a code of the sandbox catalogue'),
  /** `before`: nothing happens; `after`: the request takes effect, then the error is returned. */
  errorPhase: z.enum(['before', 'after']),
  /** Only requests whose path starts with this prefix are affected. */
  pathPrefix: z.string().startsWith('/'),
});

const settingsShape = {
  mId: z.string().min(1).max(14),
  /** Accepted secret keys; null accepts any `test_sk_…`/`test_gsk_…` key. */
  secretKeys: z.array(z.string().min(1)).nullable(),
  webhookUrl: z.url().nullable(),
  /** Multiplies Toss's retry delays (1, 4, 16 … 4096 minutes); 0.001 turns minutes into 60 ms. */
  webhookRetryScale: z.number().positive().max(1000),
  webhookTimeoutMs: z.number().int().min(1).max(60_000),
  /** TOSS.md leaves open whether cancels of billing payments fire PAYMENT_STATUS_CHANGED. */
  webhookOnBillingCancel: z.boolean(),
  /** Settlement fee in basis points of the amount (320 = 3.2 %). */
  settlementFeeRateBp: z.number().int().min(0).max(10_000),
  /** Payout date = sold date + N business days (weekends and `holidays` skipped). */
  payoutBusinessDays: z.number().int().min(0).max(60),
  holidays: z.array(date),
  /** How long the "very slow" test card takes to answer. */
  slowChargeMs: z.number().int().min(0).max(600_000),
  /** Cancels of one payment arriving within this window after the first are refused (0 = off). */
  cancelBurstWindowMs: z.number().int().min(0).max(600_000),
  idempotencyTtlDays: z.number().int().min(1).max(365),
  /** Whether error answers are replayed for a reused Idempotency-Key (Toss: unconfirmed). */
  idempotencyReplayErrors: z.boolean(),
  authKeyTtlSeconds: z.number().int().min(1).max(86_400),
  authKeyReusable: z.boolean(),
  /** Whether a declined charge leaves an ABORTED payment retrievable by orderId. */
  recordDeclinedPayments: z.boolean(),
  /** Whether the orderId of a declined charge may be used again. */
  declinedOrderIdReusable: z.boolean(),
  /** Answer to DELETE of an already deleted billing key. */
  repeatedDeleteAnswer: z.enum(['NOT_FOUND_BILLING', 'OK']),
  faults: faultsSchema,
};

/** Every sandbox behaviour that can be changed at run time (GET/PATCH /sandbox/settings). */
export type SandboxSettings = z.infer<z.ZodObject<typeof settingsShape>>;
/** Fault-injection settings. */
export type Faults = z.infer<typeof faultsSchema>;

/** A partial change of settings; `faults` may itself be partial. */
export const settingsPatchSchema = z.strictObject({ ...settingsShape, faults: faultsSchema.partial() }).partial();
/** A validated partial change of settings. */
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** No injected faults. */
export const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, errorCode: 'FAILED_INTERNAL_SYSTEM_PROCESSING', errorPhase: 'before', pathPrefix: '/v1/' };

/** Defaults: documented Toss behaviour, and the stricter choice where TOSS.md is unconfirmed. */
export const DEFAULT_SETTINGS: SandboxSettings = {
  mId: 'tosssandbox',
  secretKeys: null,
  webhookUrl: null,
  webhookRetryScale: 1,
  webhookTimeoutMs: 10_000,
  webhookOnBillingCancel: true,
  settlementFeeRateBp: 320,
  payoutBusinessDays: 2,
  holidays: [...KOREAN_HOLIDAYS],
  slowChargeMs: 55_000,
  cancelBurstWindowMs: 1_000,
  idempotencyTtlDays: 15,
  idempotencyReplayErrors: true,
  authKeyTtlSeconds: 600,
  authKeyReusable: false,
  recordDeclinedPayments: true,
  declinedOrderIdReusable: false,
  repeatedDeleteAnswer: 'NOT_FOUND_BILLING',
  faults: NO_FAULTS,
};

/** Layers partial changes over a base, merging `faults` field by field. */
export function applySettings(base: SandboxSettings, ...patches: SettingsPatch[]): SandboxSettings {
  let out = base;
  for (const patch of patches) out = { ...out, ...patch, faults: { ...out.faults, ...patch.faults } };
  return out;
}
