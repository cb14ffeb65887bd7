import type { NoticeData } from '@roastery/contracts';
import { compose, type RenderedNotice } from './format';

/** SHIPPED: a roaster shipped its part of an order, with the carrier and tracking number. */
export function renderShipped(d: NoticeData['SHIPPED']): RenderedNotice {
  const tracking = d.carrier && d.trackingNumber ? `${d.carrier} ${d.trackingNumber}` : '곧 알려 드립니다';
  return compose({
    title: '상품이 발송되었습니다',
    paragraphs: [`${d.itemName} 상품을 로스터가 발송했습니다.`, '배송 조회는 마이페이지 주문 상세에서 할 수 있습니다.'],
    facts: [
      ['상품', d.itemName],
      ['택배사 · 송장번호', tracking],
      ['주문 번호', d.orderId],
    ],
  });
}
