import type { SubscriptionDto, SubscriptionStatus, SubscriptionTermsDto } from '@roastery/contracts';
import { formatSeoulDate } from '../orders/orderLabels';

export const SUBSCRIPTION_STATUS: Record<SubscriptionStatus, { label: string; bg: string }> = {
  ACTIVE: { label: '구독 중', bg: 'success' },
  PAUSED: { label: '일시정지', bg: 'secondary' },
  PAST_DUE: { label: '결제 연체 · 정지', bg: 'danger' },
  CANCELLED: { label: '해지됨', bg: 'dark' },
};

export const INTERVALS = [1, 2, 4] as const;
export const intervalLabel = (weeks: number) => (weeks === 4 ? '4주마다 (매달)' : `${weeks}주마다`);

/**
 * The terms the item page shows until GET /api/subscriptions/terms has answered: user-service's
 * defaults (RECURRING_TERMS_VERSION, SHIPPING_FEE_WON, FREE_SHIPPING_THRESHOLD_WON). The server's
 * answer replaces them, and a subscription created under other terms is refused (409).
 */
export const RECURRING_TERMS = { version: '2026-11-01', shippingFeeWon: 3_000, freeShippingThresholdWon: 30_000 } as const;

/** The panel's view of the terms: the server's when known, else the defaults above. */
export function termsOf(terms: SubscriptionTermsDto | null): { version: string; shippingFeeWon: number; freeShippingThresholdWon: number } {
  return terms ? { version: terms.termsVersion, shippingFeeWon: terms.shipping.feeWon, freeShippingThresholdWon: terms.shipping.freeThresholdWon } : RECURRING_TERMS;
}

/** The price of one box as the item page estimates it (the server's preview is the real one). */
export function estimateBox(
  unitPriceWon: number,
  quantity: number,
  terms: { shippingFeeWon: number; freeShippingThresholdWon: number } = RECURRING_TERMS,
): { merchandiseWon: number; shippingFeeWon: number; totalWon: number } {
  const merchandiseWon = unitPriceWon * quantity;
  const shippingFeeWon = merchandiseWon < terms.freeShippingThresholdWon ? terms.shippingFeeWon : 0;
  return { merchandiseWon, shippingFeeWon, totalWon: merchandiseWon + shippingFeeWon };
}

/** Where the box being billed stands, in words, and whether the subscriber must act (another card). */
export function openBoxStatus(open: NonNullable<SubscriptionDto['openOrder']>): { text: string; needsCard: boolean; variant: string } {
  switch (open.status) {
    case 'RETRY_SCHEDULED':
      return {
        text: `결제가 거절되었습니다 (${open.lastFailureCode ?? '카드 거절'}). ${formatSeoulDate(open.nextAttemptAt)}에 다시 시도합니다. 다른 카드를 등록하거나 선택하면 바로 다시 결제합니다.`,
        needsCard: true,
        variant: 'warning',
      };
    case 'AWAITING_CARD':
      return {
        text: `이 카드로는 결제할 수 없습니다 (${open.lastFailureCode ?? '카드 사용 불가'}). 새 카드를 등록하거나 선택해 주세요${open.nextAttemptAt ? ` — ${formatSeoulDate(open.nextAttemptAt)}까지 기다립니다` : ''}.`,
        needsCard: true,
        variant: 'danger',
      };
    case 'PENDING_STOCK':
      return { text: '이번 상자의 재고를 확인하고 있습니다.', needsCard: false, variant: 'info' };
    default:
      return { text: '이번 상자를 결제하고 있습니다.', needsCard: false, variant: 'info' };
  }
}
