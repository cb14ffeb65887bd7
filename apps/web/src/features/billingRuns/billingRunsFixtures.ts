import type { BillingRunDto } from './billingRunsApi';

/** Test data only: a billing run as admin-service returns it. */
export const RUN_ID = '0190a0b0-0000-7000-8000-0000000000f1';

export function aBillingRun(overrides: Partial<BillingRunDto> = {}): BillingRunDto {
  return {
    id: RUN_ID,
    status: 'REQUESTED',
    requestedBy: '0190a0b0-0000-7000-8000-000000000009',
    requestedAt: '2026-12-01T00:00:00.000Z',
    businessDate: null,
    counts: { claimed: 0, ordersPlaced: 0, charged: 0, declined: 0, skippedForStock: 0, pending: 0 },
    startedAt: null,
    finishedAt: null,
    error: null,
    sequence: null,
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The same run further along: RUNNING after a batch, then COMPLETED. */
export const runningRun = (overrides: Partial<BillingRunDto> = {}) =>
  aBillingRun({
    status: 'RUNNING',
    sequence: 1,
    businessDate: '2026-12-01',
    startedAt: '2026-12-01T00:00:02.000Z',
    counts: { claimed: 500, ordersPlaced: 480, charged: 300, declined: 10, skippedForStock: 20, pending: 150 },
    ...overrides,
  });

export const completedRun = (overrides: Partial<BillingRunDto> = {}) =>
  runningRun({
    status: 'COMPLETED',
    sequence: 3,
    finishedAt: '2026-12-01T00:03:00.000Z',
    counts: { claimed: 500, ordersPlaced: 480, charged: 448, declined: 12, skippedForStock: 20, pending: 0 },
    ...overrides,
  });
