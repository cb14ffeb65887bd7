import type { NoticeData } from '@roastery/contracts';
import { compose, formatDate, formatWon, type RenderedNotice } from './format';

/**
 * PAYMENT_FAILED: what happened and what the subscriber should do. The last failed attempt skips
 * the box; a hard decline needs another card; a soft decline or a provider failure is retried on
 * `nextRetryDate`.
 */
export function renderPaymentFailed(d: NoticeData['PAYMENT_FAILED']): RenderedNotice {
  const retry = d.nextRetryDate ? `${formatDate(d.nextRetryDate)}에` : '곧';
  const failed = `${d.itemName} 정기구독 ${formatWon(d.amountWon)} 결제에 실패했습니다.`;
  let title: string;
  let paragraphs: string[];
  if (d.finalAttempt) {
    title = '결제 실패: 이번 회차를 건너뜁니다';
    paragraphs = [
      failed,
      '여러 번 다시 시도했지만 결제되지 않아 이번 회차 상자는 건너뜁니다. 결제된 금액은 없습니다.',
      '다음 회차가 결제되도록 My page → 결제 수단에서 카드를 확인하거나 새 카드를 등록해 주세요.',
    ];
  } else if (d.reason === 'CARD_NEEDS_REPLACEMENT') {
    title = '결제 실패: 카드를 바꿔 주세요';
    paragraphs = [
      failed,
      '카드사가 이 카드의 결제를 거절했습니다(분실·만료·정지 등). 카드를 바꾸기 전에는 다시 시도하지 않습니다.',
      'My page → 결제 수단에서 새 카드를 등록하거나 다른 카드를 선택해 주세요. 카드를 바꾸면 바로 다시 결제합니다.',
    ];
  } else if (d.reason === 'PROVIDER_UNAVAILABLE') {
    title = '결제 지연 안내';
    paragraphs = [failed, `결제 시스템 장애 때문이며, ${retry} 자동으로 다시 결제합니다. 따로 하실 일은 없습니다.`];
  } else {
    title = '결제 실패: 카드 잔액을 확인해 주세요';
    paragraphs = [
      failed,
      `${retry} 같은 카드로 다시 결제합니다. 그 전에 카드 잔액이나 한도가 충분한지 확인해 주세요.`,
      '다른 카드로 결제하려면 My page → 결제 수단에서 카드를 바꾸면 바로 다시 결제합니다.',
    ];
  }
  const facts: [string, string][] = [
    ['상품', d.itemName],
    ['결제 금액', formatWon(d.amountWon)],
  ];
  if (d.nextRetryDate && !d.finalAttempt) facts.push(['다음 시도일', formatDate(d.nextRetryDate)]);
  facts.push(['주문 번호', d.orderId]);
  return compose({ title, paragraphs, facts });
}
