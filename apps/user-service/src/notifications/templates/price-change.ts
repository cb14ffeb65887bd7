import type { NoticeData } from '@roastery/contracts';
import { compose, formatDate, formatWon, type RenderedNotice } from './format';

/** PRICE_CHANGE: a partner raised the unit price; it applies only once the subscriber consents. */
export function renderPriceChange(d: NoticeData['PRICE_CHANGE']): RenderedNotice {
  return compose({
    title: '구독 상품 가격 변경 안내',
    paragraphs: [
      `로스터가 ${d.itemName}의 가격을 ${formatWon(d.oldUnitPriceWon)}에서 ${formatWon(d.newUnitPriceWon)}으로 변경했습니다.`,
      `새 가격은 ${formatDate(d.effectiveFrom)} 결제분부터, 동의하신 경우에만 적용됩니다. 동의하기 전에는 새 가격으로 결제하지 않습니다.`,
      'My page → 구독에서 변경된 가격을 확인하고 동의하거나 구독을 해지할 수 있습니다.',
    ],
    facts: [
      ['상품', d.itemName],
      ['현재 가격', formatWon(d.oldUnitPriceWon)],
      ['변경 가격', formatWon(d.newUnitPriceWon)],
      ['적용 예정일', formatDate(d.effectiveFrom)],
    ],
  });
}
