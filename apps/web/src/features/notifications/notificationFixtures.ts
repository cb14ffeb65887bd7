import type { NotificationDto, NotificationsPage } from '@roastery/contracts';

/** A PRE_CHARGE notice as /api/me/notifications returns it (tests only). */
export function aNotice(overrides: Partial<Extract<NotificationDto, { kind: 'PRE_CHARGE' }>> = {}): NotificationDto {
  return {
    id: 'n-1',
    kind: 'PRE_CHARGE',
    title: '정기구독 결제 예정 안내',
    body: '에티오피아 예가체프 200g 정기구독이 2026년 11월 24일 (화)에 12,900원 결제될 예정입니다.',
    data: { subscriptionId: 'sub-1', itemName: '에티오피아 예가체프 200g', billingDate: '2026-11-24', amountWon: 12_900 },
    createdAt: '2026-11-21T09:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

/** A failed-payment notice that asks for another card (tests only). */
export function aFailedPaymentNotice(overrides: Partial<Extract<NotificationDto, { kind: 'PAYMENT_FAILED' }>> = {}): NotificationDto {
  return {
    id: 'n-2',
    kind: 'PAYMENT_FAILED',
    title: '결제 실패: 카드를 바꿔 주세요',
    body: '케냐 AA 500g 정기구독 31,500원 결제에 실패했습니다.',
    data: {
      subscriptionId: 'sub-2',
      orderId: 'order-2',
      itemName: '케냐 AA 500g',
      amountWon: 31_500,
      reason: 'CARD_NEEDS_REPLACEMENT',
      nextRetryDate: null,
      finalAttempt: false,
    },
    createdAt: '2026-11-20T09:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

/** A page of notices with the unread count the server would send (tests only). */
export function aNoticesPage(items: NotificationDto[], o: Partial<NotificationsPage> = {}): NotificationsPage {
  return { items, page: 1, size: 20, total: items.length, unread: items.filter((n) => n.readAt === null).length, ...o };
}
