import type { NoticeData } from '@roastery/contracts';
import { compose, formatDate, formatWon, type RenderedNotice } from './format';

/** PRE_CHARGE: three days before a charge, its date and amount, and the time left to change it. */
export function renderPreCharge(d: NoticeData['PRE_CHARGE']): RenderedNotice {
  return compose({
    title: '정기구독 결제 예정 안내',
    paragraphs: [
      `${d.itemName} 정기구독이 ${formatDate(d.billingDate)}에 ${formatWon(d.amountWon)} 결제될 예정입니다.`,
      '카드나 배송지를 바꾸거나 이번 회차를 건너뛰려면 결제일 전에 My page → 구독에서 변경해 주세요.',
    ],
    facts: [
      ['상품', d.itemName],
      ['결제 예정일', formatDate(d.billingDate)],
      ['결제 예정 금액', formatWon(d.amountWon)],
    ],
  });
}
