import type { SubscriptionDto, UpcomingOrderPreviewDto } from '@roastery/contracts';
import type { Order } from '../orders/order.entity';
import type { PlatformTerms } from '../orders/order-placement';
import { priceOrder } from '../orders/pricing/order-pricing.rules';
import { upcoming } from './schedule/billing-schedule.rules';
import type { Subscription } from './subscription.entity';
import { scheduleOf } from './subscription-schedule';

const LIVE_ORDER = new Set(['PENDING_STOCK', 'READY_TO_CHARGE', 'CHARGING', 'RETRY_SCHEDULED', 'AWAITING_CARD']);

/** A subscription as its owner sees it, with the next dates and what the next box will cost. */
export function toSubscriptionDto(s: Subscription, openOrder: Order | null, today: string, terms: PlatformTerms): SubscriptionDto {
  const live = s.status === 'ACTIVE' || s.status === 'PAUSED';
  const dates = live ? upcoming(scheduleOf(s), today, 4) : [];
  const inFlight = openOrder && LIVE_ORDER.has(openOrder.status) ? openOrder : null;
  return {
    id: s.id,
    status: s.status,
    catalogItemId: s.catalogItemId,
    optionId: s.optionId,
    itemName: s.itemName,
    optionLabel: s.optionLabel,
    quantity: s.quantity,
    intervalWeeks: s.intervalWeeks as 1 | 2 | 4,
    unitPriceWon: s.unitPriceWon,
    nextBillingDate: inFlight ? inFlight.billingDate : (dates[0] ?? null),
    pausedUntil: s.paused ? s.pauseUntil : null,
    upcomingDates: dates,
    preview: dates[0] ? previewOf(s, dates[0], terms) : null,
    addressId: s.addressId,
    shipTo: { recipient: s.shipTo.recipient, postalCode: s.shipTo.postalCode, line1: s.shipTo.line1, line2: s.shipTo.line2 },
    paymentMethodId: s.paymentMethodId,
    openOrder: inFlight ? { id: inFlight.id, status: inFlight.status, nextAttemptAt: inFlight.nextAttemptAt?.toISOString() ?? null, lastFailureCode: inFlight.lastFailureCode } : null,
    pendingPriceChange:
      s.pendingUnitPriceWon !== null && s.pendingPriceEffectiveDate
        ? { unitPriceWon: s.pendingUnitPriceWon, effectiveFrom: s.pendingPriceEffectiveDate, consentedAt: s.pendingPriceConsentedAt?.toISOString() ?? null }
        : null,
    pauseReason: s.status === 'PAUSED' ? s.pauseReason : null,
    consent: { termsVersion: s.consentTermsVersion, consentedAt: s.consentedAt.toISOString() },
    cancelReason: s.cancelReason,
    cancelledAt: s.cancelledAt?.toISOString() ?? null,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
  };
}

/** The next box priced exactly as the engine will price it (same rules, same snapshot). */
export function previewOf(s: Subscription, billingDate: string, terms: PlatformTerms): UpcomingOrderPreviewDto | null {
  const priced = priceOrder({
    lines: [{ lineKey: 'next', partnerId: s.partnerId, unitPriceWon: s.unitPriceWon, quantity: s.quantity, commissionRateBp: terms.commissionRateBp }],
    shippingPolicies: { [s.partnerId]: terms.shipping },
  });
  if (!priced.ok) return null;
  return {
    billingDate,
    itemName: s.itemName,
    optionLabel: s.optionLabel,
    quantity: s.quantity,
    unitPriceWon: s.unitPriceWon,
    merchandiseWon: priced.order.merchandiseWon,
    shippingFeeWon: priced.order.shippingWon,
    totalWon: priced.order.totalWon,
  };
}
