import type { NoticeData } from '@roastery/contracts';
import { compose, type RenderedNotice } from './format';

/** PAST_DUE: paused after repeated failed cycles; how to resume it. */
export function renderPastDue(d: NoticeData['PAST_DUE']): RenderedNotice {
  return compose({
    title: '결제 실패로 구독이 일시정지되었습니다',
    paragraphs: [
      `${d.itemName} 정기구독의 결제가 ${d.failedCycles}회 연속 실패하여 구독을 일시정지했습니다. 일시정지 중에는 결제도 배송도 없습니다.`,
      '다시 받으시려면 My page → 결제 수단에서 새 카드를 등록하거나 다른 카드를 선택한 뒤, My page → 구독에서 구독을 재개해 주세요.',
    ],
    facts: [
      ['상품', d.itemName],
      ['연속 실패 회차', `${d.failedCycles}회`],
    ],
  });
}
