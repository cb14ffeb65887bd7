import { examplePayloads } from '../testing';
import { billingRunProgressed, billingRunRequested } from './billing-run';

describe('billing run contracts', () => {
  const progressed = examplePayloads['billing.run.progressed'] as Record<string, unknown>;

  it('accepts a final report with its finish time and an error', () => {
    const failed = { ...progressed, status: 'FAILED', sequence: 7, finishedAt: '2026-11-21T18:00:05+09:00', error: 'Toss unavailable' };
    expect(billingRunProgressed.schema.safeParse(failed).success).toBe(true);
  });

  it.each([
    ['a business date that is not YYYY-MM-DD', { businessDate: '2026-11-21T00:00:00Z' }],
    ['a negative count', { counts: { ...(progressed['counts'] as object), pending: -1 } }],
    ['a fractional sequence', { sequence: 1.5 }],
    ['REQUESTED, which only admin-service uses', { status: 'REQUESTED' }],
    ['a missing counter', { counts: { claimed: 1 } }],
  ])('refuses %s', (_, change) => {
    expect(billingRunProgressed.schema.safeParse({ ...progressed, ...change }).success).toBe(false);
  });

  it('refuses a request without the admin who asked', () => {
    const { requestedBy: _dropped, ...rest } = examplePayloads['billing.run.requested'] as Record<string, unknown>;
    expect(billingRunRequested.schema.safeParse(rest).success).toBe(false);
  });
});
