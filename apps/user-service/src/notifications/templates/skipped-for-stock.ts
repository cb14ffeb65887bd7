import type { NoticeData } from '@roastery/contracts';
import { compose, formatDate, type RenderedNotice } from './format';

/** SKIPPED_FOR_STOCK: the roaster had no stock for this cycle; nothing charged, the next box as usual. */
export function renderSkippedForStock(d: NoticeData['SKIPPED_FOR_STOCK']): RenderedNotice {
  return compose({
    title: '재고 부족으로 이번 회차를 건너뜁니다',
    paragraphs: [
      `${d.itemName}의 재고가 부족해 ${formatDate(d.billingDate)} 회차 상자를 보내 드리지 못합니다.`,
      '이번 회차에는 결제된 금액이 없으며, 다음 상자는 평소대로 결제되고 발송됩니다.',
    ],
    facts: [
      ['상품', d.itemName],
      ['건너뛴 회차', formatDate(d.billingDate)],
      ['결제 금액', '0원'],
    ],
  });
}
