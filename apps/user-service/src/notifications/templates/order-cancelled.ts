import type { NoticeData } from '@roastery/contracts';
import { compose, type RenderedNotice } from './format';

/** CANCELLED: the order was cancelled before shipping; the payment is refunded in full. */
export function renderOrderCancelled(d: NoticeData['CANCELLED']): RenderedNotice {
  return compose({
    title: '주문이 취소되었습니다',
    paragraphs: [`${d.itemName} 주문이 취소되었습니다.`, '결제 금액은 전액 환불되며, 환불이 끝나면 다시 알려 드립니다.'],
    facts: [
      ['상품', d.itemName],
      ['주문 번호', d.orderId],
    ],
  });
}
