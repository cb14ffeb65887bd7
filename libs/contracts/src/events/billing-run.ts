import { z } from 'zod';
import { defineEvent } from './define-event';

const at = z.iso.datetime({ offset: true });

/** Where a billing run stands. REQUESTED is admin-service's own state until user-service reports. */
export const BILLING_RUN_STATUSES = ['REQUESTED', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export type BillingRunStatus = (typeof BILLING_RUN_STATUSES)[number];

/** The statuses user-service reports in `billing.run.progressed`. */
export const BILLING_RUN_REPORTED_STATUSES = ['RUNNING', 'COMPLETED', 'FAILED'] as const satisfies readonly BillingRunStatus[];

/** A run that has reached one of these will not change again. */
export const BILLING_RUN_FINAL_STATUSES: readonly BillingRunStatus[] = ['COMPLETED', 'FAILED'];

const count = z.number().int().nonnegative();

/**
 * What a billing run has done so far, as totals (ADR 0015). Every counter but `pending` only grows
 * during a run; `pending` falls as outcomes arrive.
 * - claimed: due subscription cycles the run took (locked for this run).
 * - ordersPlaced: renewal orders created from them.
 * - charged / declined: charges with a final outcome at Toss.
 * - skippedForStock: orders refused by stock reservation (not charged).
 * - pending: charges whose outcome is not final yet (a timeout, a webhook still to come).
 */
export const billingRunCountsSchema = z.object({
  claimed: count,
  ordersPlaced: count,
  charged: count,
  declined: count,
  skippedForStock: count,
  pending: count,
});
export type BillingRunCounts = z.infer<typeof billingRunCountsSchema>;

/**
 * A command from admin-service to user-service (owner: user-service's billing engine): run the
 * billing engine now, up to the current business date of the shared clock. Sent through the
 * outbox; user-service answers with `billing.run.progressed` for the same runId. A second request
 * with the same runId must not start a second run.
 */
export const billingRunRequested = defineEvent(
  'billing.run.requested',
  1,
  z.object({
    runId: z.uuid(),
    /** The admin user who asked. */
    requestedBy: z.uuid(),
    requestedAt: at,
  }),
);

/**
 * user-service reports a billing run's progress: once when it starts, after each batch, and once at
 * the end (COMPLETED or FAILED). `sequence` grows with each message of a run, so a consumer keeps
 * the highest and ignores older ones that arrive late. Counts are totals so far, not increments.
 */
export const billingRunProgressed = defineEvent(
  'billing.run.progressed',
  1,
  z.object({
    runId: z.uuid(),
    status: z.enum(BILLING_RUN_REPORTED_STATUSES),
    sequence: z.number().int().nonnegative(),
    /** The Seoul calendar date the run billed up to (inclusive), YYYY-MM-DD. */
    businessDate: z.iso.date(),
    counts: billingRunCountsSchema,
    startedAt: at,
    finishedAt: at.nullable(),
    /** Why the run failed; null unless FAILED. */
    error: z.string().nullable(),
  }),
);

/** A billing run as the admin console sees it (`POST /admin/billing/run`, `GET /admin/billing/runs[/:id]`). */
export interface BillingRunDto {
  id: string;
  status: BillingRunStatus;
  requestedBy: string | null;
  requestedAt: string | null;
  /** Null until user-service first reports. */
  businessDate: string | null;
  counts: BillingRunCounts;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  /** The sequence of the latest progress applied; null until the first report. */
  sequence: number | null;
  updatedAt: string;
}
