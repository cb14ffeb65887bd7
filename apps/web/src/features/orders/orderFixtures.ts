import type { OrderDto, OrderSummaryDto, Page } from '@roastery/contracts';

export const SUB_ID = '0190a0b0-0000-7000-8000-0000000000f1';

/** A paid box as GET /api/orders lists it. */
export function anOrderSummary(overrides: Partial<OrderSummaryDto> = {}): OrderSummaryDto {
  return {
    id: 'order-1',
    subscriptionId: SUB_ID,
    cycle: 0,
    status: 'PAID',
    orderName: '에티오피아 예가체프 코체레 200 g × 2',
    billingDate: '2026-11-21',
    totalWon: 36_000,
    placedAt: '2026-11-21T01:00:00.000Z',
    paidAt: '2026-11-21T01:00:02.000Z',
    ...overrides,
  };
}

/** The same box with its lines and payment attempts, as GET /api/orders/:id returns it. */
export function anOrder(overrides: Partial<OrderDto> = {}): OrderDto {
  return {
    ...anOrderSummary(),
    lines: [
      {
        id: 'line-1',
        partnerId: 'partner-1',
        catalogItemId: 'item-1',
        optionId: 'option-1',
        productName: '에티오피아 예가체프 코체레',
        optionLabel: '200 g · 홀빈',
        quantity: 2,
        unitPriceWon: 18_000,
        discountWon: 0,
        lineTotalWon: 36_000,
      },
    ],
    shippingFees: [{ partnerId: 'partner-1', feeWon: 0 }],
    merchandiseWon: 36_000,
    shippingWon: 0,
    discountWon: 0,
    shipTo: { recipient: '김하늘', phone: '01012345678', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' },
    payments: [{ attempt: 1, status: 'APPROVED', amountWon: 36_000, failureCode: null, failureMessage: null, createdAt: '2026-11-21T01:00:01.000Z', resolvedAt: '2026-11-21T01:00:02.000Z' }],
    paidWon: 36_000,
    nextAttemptAt: null,
    ...overrides,
  };
}

export function aPage<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, page: 1, size: 20, total: items.length, ...overrides };
}
