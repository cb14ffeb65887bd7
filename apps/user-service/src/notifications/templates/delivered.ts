import type { NoticeData } from '@roastery/contracts';
import { compose, type RenderedNotice } from './format';

/** DELIVERED: a part of an order arrived; purchase is confirmed automatically after some days. */
export function renderDelivered(d: NoticeData['DELIVERED']): RenderedNotice {
  return compose({
    title: '배송이 완료되었습니다',
    paragraphs: [
      `${d.itemName} 상품이 배송되었습니다.`,
      `문제가 있으면 마이페이지에서 반품을 요청해 주세요. ${d.autoConfirmDays}일 뒤에는 구매가 자동으로 확정됩니다.`,
    ],
    facts: [
      ['상품', d.itemName],
      ['주문 번호', d.orderId],
    ],
  });
}
