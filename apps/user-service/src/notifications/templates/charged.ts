import type { NoticeData } from '@roastery/contracts';
import { compose, formatWon, type RenderedNotice } from './format';

/** CHARGED: a subscription cycle or a one-off order was paid, with the card it was paid by. */
export function renderCharged(d: NoticeData['CHARGED']): RenderedNotice {
  const card = `${d.cardCompany}카드 (${d.maskedNumber})`;
  const what = d.subscriptionId ? `${d.itemName} 정기구독` : d.itemName;
  return compose({
    title: '결제 완료',
    paragraphs: [`${what} ${formatWon(d.amountWon)}이 ${card}로 결제되었습니다.`, '로스터가 상품을 준비해 보내 드립니다.'],
    facts: [
      ['상품', d.itemName],
      ['결제 금액', formatWon(d.amountWon)],
      ['결제 수단', card],
      ['주문 번호', d.orderId],
    ],
  });
}
