/** Toss's retry delays after a failed attempt, in minutes (7 retries, about 3 days 19 hours). */
export const WEBHOOK_RETRY_MINUTES = [1, 4, 16, 64, 256, 1024, 4096] as const;

/**
 * When to try again after `attempts` failed attempts, or null when the retries are used up.
 * `scale` compresses the schedule (0.001 turns a minute into 60 ms).
 */
export function nextWebhookAttempt(failedAt: Date, attempts: number, scale: number): Date | null {
  const minutes = WEBHOOK_RETRY_MINUTES[attempts - 1];
  if (minutes === undefined) return null;
  return new Date(failedAt.getTime() + Math.max(1, Math.round(minutes * 60_000 * scale)));
}

/** Toss counts only HTTP 200 as delivered (any other status, or no answer within 10 s, is a failure). */
export function isWebhookDelivered(status: number): boolean {
  return status === 200;
}
