import type { CreatedSubscriptionDto, SubscriptionDto } from '@roastery/contracts';
import { IDS } from '../../test/fixtures';
import { anOrderSummary, SUB_ID } from '../orders/orderFixtures';

export { SUB_ID };

/** An active 2-weekly subscription, as GET /api/subscriptions/:id returns it. */
export function aSubscription(overrides: Partial<SubscriptionDto> = {}): SubscriptionDto {
  return {
    id: SUB_ID,
    status: 'ACTIVE',
    catalogItemId: IDS.item,
    optionId: IDS.option200,
    itemName: '에티오피아 예가체프 코체레',
    optionLabel: '200 g · 홀빈',
    quantity: 2,
    intervalWeeks: 2,
    unitPriceWon: 18_000,
    nextBillingDate: '2026-12-05',
    pausedUntil: null,
    upcomingDates: ['2026-12-05', '2026-12-19', '2027-01-02', '2027-01-16'],
    preview: { billingDate: '2026-12-05', itemName: '에티오피아 예가체프 코체레', optionLabel: '200 g · 홀빈', quantity: 2, unitPriceWon: 18_000, merchandiseWon: 36_000, shippingFeeWon: 0, totalWon: 36_000 },
    addressId: 'addr-1',
    shipTo: { recipient: '김하늘', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' },
    paymentMethodId: 'card-1',
    openOrder: null,
    pendingPriceChange: null,
    pauseReason: null,
    consent: { termsVersion: '2026-11-01', consentedAt: '2026-11-21T01:00:00.000Z' },
    cancelReason: null,
    cancelledAt: null,
    version: 3,
    createdAt: '2026-11-21T01:00:00.000Z',
    ...overrides,
  };
}

/** POST /api/subscriptions' answer: the subscription and its first box. */
export function aCreatedSubscription(firstOrder: Partial<CreatedSubscriptionDto['firstOrder']> = {}): CreatedSubscriptionDto {
  return { subscription: aSubscription(), firstOrder: anOrderSummary(firstOrder) };
}

/** A renewal declined and waiting for its retry. */
export const retrying = (): SubscriptionDto['openOrder'] => ({ id: 'order-2', status: 'RETRY_SCHEDULED', nextAttemptAt: '2026-12-06T00:00:00.000Z', lastFailureCode: 'REJECT_CARD_PAYMENT' });
