import { isWebhookDelivered, nextWebhookAttempt } from './webhook-retry.rules';

describe('webhook retry schedule', () => {
  const t0 = new Date('2025-01-01T00:00:00Z');
  const minutesAfter = (attempts: number, scale = 1) => {
    const next = nextWebhookAttempt(t0, attempts, scale);
    return next === null ? null : (next.getTime() - t0.getTime()) / 60_000;
  };

  it('retries 7 times at 1, 4, 16, 64, 256, 1024 and 4096 minutes, then gives up', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => minutesAfter(n))).toEqual([1, 4, 16, 64, 256, 1024, 4096]);
    expect(minutesAfter(8)).toBeNull();
  });

  it('compresses the schedule with a scale', () => {
    expect(minutesAfter(2, 0.001)).toBeCloseTo(0.004);
  });

  it('counts only 200 as delivered', () => {
    expect(isWebhookDelivered(200)).toBe(true);
    expect(isWebhookDelivered(204)).toBe(false);
    expect(isWebhookDelivered(500)).toBe(false);
  });
});
