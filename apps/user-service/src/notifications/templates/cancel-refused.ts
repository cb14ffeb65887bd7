import type { NoticeData } from '@roastery/contracts';
import { compose, type RenderedNotice } from './format';

/** CANCEL_REFUSED: the roaster had already shipped, so the order could not be cancelled. */
export function renderCancelRefused(d: NoticeData['CANCEL_REFUSED']): RenderedNotice {
  return compose({
    title: '주문을 취소하지 못했습니다',
    paragraphs: [`${d.itemName} 상품이 이미 발송되어 주문을 취소할 수 없습니다.`, '상품을 받은 뒤 마이페이지에서 반품을 요청할 수 있습니다.'],
    facts: [
      ['상품', d.itemName],
      ['사유', d.reason ?? '이미 발송됨'],
      ['주문 번호', d.orderId],
    ],
  });
}
