/*
 * What happens after a renewal charge fails (docs/subscriptions/dunning.md). Pure: the caller
 * gives the failure and the count so far and gets the next step.
 *
 * - soft decline (insufficient funds, limit): retried on days fitted to the cadence, counted from
 *   the first failure: 1-week plan after 1 and 2 days; 2-week after 1 and 3 days; 4-week after 1, 3
 *   and 7 days. After the last retry fails the box is skipped.
 * - hard decline (stopped, expired, lost card): not retried on the same card; the subscriber is
 *   asked for another one, and the box waits as long as the soft schedule would have retried.
 *   Registering or choosing a card retries at once.
 * - transient (Toss or the card company unavailable): retried after a short delay, up to a few
 *   times, without using up a dunning retry; then treated as a soft decline.
 * - our bug (a request Toss refuses as malformed): not retried; the box is skipped and an
 *   operator sees the failure.
 */

export type FailureCategory = 'hard_decline' | 'soft_decline' | 'transient' | 'bug';

/** Days after the first failure on which a soft-declined renewal is retried, per interval in weeks. */
export const RETRY_DAYS: Readonly<Record<1 | 2 | 4, readonly number[]>> = { 1: [1, 2], 2: [1, 3], 4: [1, 3, 7] };

export const TRANSIENT_RETRY_MINUTES = 10;
export const MAX_TRANSIENT_RETRIES = 5;

export interface FailureFacts {
  category: FailureCategory;
  intervalWeeks: 1 | 2 | 4;
  /** Declines (soft or hard) of this box before this one. */
  priorDeclines: number;
  /** Transient failures of this box before this one. */
  priorTransientFailures: number;
  /** When the box's first charge failed (now, if this is the first failure). */
  firstFailureAt: Date;
  now: Date;
  /** The first box of a subscription is charged at subscribe time: its failure is final at once. */
  firstBox: boolean;
}

export type NextStep =
  | { kind: 'RETRY'; at: Date; countsAsDecline: boolean }
  | { kind: 'AWAIT_CARD'; until: Date }
  | { kind: 'GIVE_UP' };

const DAY_MS = 86_400_000;

export function nextStepAfterFailure(f: FailureFacts): NextStep {
  if (f.firstBox || f.category === 'bug') return { kind: 'GIVE_UP' };
  if (f.category === 'transient' && f.priorTransientFailures < MAX_TRANSIENT_RETRIES) {
    return { kind: 'RETRY', at: new Date(f.now.getTime() + TRANSIENT_RETRY_MINUTES * 60_000), countsAsDecline: false };
  }
  const days = RETRY_DAYS[f.intervalWeeks];
  const lastRetryAt = new Date(f.firstFailureAt.getTime() + days[days.length - 1] * DAY_MS);
  if (f.category === 'hard_decline') {
    return f.now.getTime() < lastRetryAt.getTime() ? { kind: 'AWAIT_CARD', until: lastRetryAt } : { kind: 'GIVE_UP' };
  }
  // A soft decline (or transient failures beyond their allowance) uses up a retry.
  const retryIndex = f.priorDeclines;
  if (retryIndex >= days.length) return { kind: 'GIVE_UP' };
  return { kind: 'RETRY', at: new Date(f.firstFailureAt.getTime() + days[retryIndex] * DAY_MS), countsAsDecline: true };
}

/** After this many boxes in a row skipped for failed payment, the subscription is paused as PAST_DUE. */
export const DEFAULT_PAST_DUE_AFTER_FAILED_CYCLES = 2;
