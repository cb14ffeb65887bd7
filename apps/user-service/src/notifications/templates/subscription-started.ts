import type { NoticeData } from '@roastery/contracts';
import { compose, formatDate, formatWon, type RenderedNotice } from './format';

/** SUBSCRIPTION_STARTED: the subscription exists; its amount per box and the next billing date. */
export function renderSubscriptionStarted(d: NoticeData['SUBSCRIPTION_STARTED']): RenderedNotice {
  return compose({
    title: '정기구독이 시작되었습니다',
    paragraphs: [
      `${d.itemName} 정기구독을 시작했습니다. 첫 상자를 곧 준비해 보내 드립니다.`,
      `다음 결제는 ${formatDate(d.nextBillingDate)}에 ${formatWon(d.amountWon)}입니다. 결제 3일 전에 다시 알려 드립니다.`,
    ],
    facts: [
      ['상품', d.itemName],
      ['회차 결제 금액', formatWon(d.amountWon)],
      ['다음 결제일', formatDate(d.nextBillingDate)],
    ],
  });
}
