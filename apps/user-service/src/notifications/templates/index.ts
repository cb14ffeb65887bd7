import type { NoticeData, NoticeKind } from '@roastery/contracts';
import { renderCancelRefused } from './cancel-refused';
import { renderCharged } from './charged';
import { renderDelivered } from './delivered';
import { compose, type RenderedNotice } from './format';
import { renderOrderCancelled } from './order-cancelled';
import { renderPastDue } from './past-due';
import { renderPaymentFailed } from './payment-failed';
import { renderPreCharge } from './pre-charge';
import { renderPriceChange } from './price-change';
import { renderRefunded } from './refunded';
import { renderShipped } from './shipped';
import { renderSkippedForStock } from './skipped-for-stock';
import { renderSubscriptionStarted } from './subscription-started';

export type { RenderedNotice } from './format';

/** One template per kind; a new kind in the contract does not compile until it has one here. */
export const templates: { [K in NoticeKind]: (data: NoticeData[K]) => RenderedNotice } = {
  PRE_CHARGE: renderPreCharge,
  CHARGED: renderCharged,
  PAYMENT_FAILED: renderPaymentFailed,
  PAST_DUE: renderPastDue,
  SKIPPED_FOR_STOCK: renderSkippedForStock,
  SUBSCRIPTION_STARTED: renderSubscriptionStarted,
  PRICE_CHANGE: renderPriceChange,
  SHIPPED: renderShipped,
  DELIVERED: renderDelivered,
  CANCELLED: renderOrderCancelled,
  CANCEL_REFUSED: renderCancelRefused,
  REFUNDED: renderRefunded,
};

/**
 * Renders a stored notice. A kind this build does not know (written by a newer instance during a
 * rollout) renders as a generic notice instead of failing the whole list.
 */
export function renderNotice<K extends NoticeKind>(kind: K, data: NoticeData[K]): RenderedNotice;
export function renderNotice(kind: string, data: unknown): RenderedNotice;
export function renderNotice(kind: string, data: unknown): RenderedNotice {
  const template = (templates as Record<string, ((d: unknown) => RenderedNotice) | undefined>)[kind];
  return template ? template(data) : compose({ title: '알림', paragraphs: ['새 알림이 있습니다.'], facts: [] });
}
