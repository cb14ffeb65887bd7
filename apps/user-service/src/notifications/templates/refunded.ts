import type { NoticeData } from '@roastery/contracts';
import { compose, formatWon, type RenderedNotice } from './format';

/** REFUNDED: an amount went back to the card the order was paid with. */
export function renderRefunded(d: NoticeData['REFUNDED']): RenderedNotice {
  return compose({
    title: '환불되었습니다',
    paragraphs: [`${d.itemName} 주문의 ${formatWon(d.amountWon)}이 환불되었습니다.`, '카드사에 따라 환불 금액이 보이기까지 며칠이 걸릴 수 있습니다.'],
    facts: [
      ['상품', d.itemName],
      ['환불 금액', formatWon(d.amountWon)],
      ['사유', d.reason],
      ['주문 번호', d.orderId],
    ],
  });
}
