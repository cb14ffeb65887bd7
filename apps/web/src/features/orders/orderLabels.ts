import type { OrderState, OrderStatusDto, PaymentDto } from '@roastery/contracts';

/** How each order status reads to the subscriber, and its badge colour. */
export const ORDER_STATUS: Record<OrderStatusDto, { label: string; bg: string }> = {
  PENDING_STOCK: { label: '재고 확인 중', bg: 'info' },
  READY_TO_CHARGE: { label: '결제 대기', bg: 'info' },
  CHARGING: { label: '결제 중', bg: 'info' },
  RETRY_SCHEDULED: { label: '결제 재시도 예정', bg: 'warning' },
  AWAITING_CARD: { label: '새 카드 필요', bg: 'danger' },
  PAID: { label: '결제 완료', bg: 'success' },
  STOCK_REFUSED: { label: '재고 없음 · 결제 안 됨', bg: 'secondary' },
  PAYMENT_FAILED: { label: '결제 실패', bg: 'danger' },
  CANCELLED: { label: '취소됨', bg: 'secondary' },
};

/** A paid order's state after payment, shown instead of "paid" once something happened to it. */
export const AFTER_SALE_STATE: Record<OrderState, { label: string; bg: string }> = {
  PAID: { label: '결제 완료', bg: 'success' },
  PREPARING: { label: '상품 준비 중', bg: 'info' },
  SHIPPED: { label: '배송 중', bg: 'primary' },
  DELIVERED: { label: '배송 완료', bg: 'success' },
  RETURN_REQUESTED: { label: '반품 요청', bg: 'warning' },
  RETURNED: { label: '반품 완료 · 환불', bg: 'secondary' },
  CANCELLED: { label: '주문 취소 · 환불', bg: 'secondary' },
  PURCHASE_CONFIRMED: { label: '구매 확정', bg: 'dark' },
};

/** Statuses after which nothing more happens to an order. */
export const FINAL_ORDER_STATUSES: readonly OrderStatusDto[] = ['PAID', 'STOCK_REFUSED', 'PAYMENT_FAILED', 'CANCELLED'];

/** Statuses the engine moves on by itself within seconds (a page may poll while they last). */
export const MOVING_ORDER_STATUSES: readonly string[] = ['PENDING_STOCK', 'READY_TO_CHARGE', 'CHARGING'];

export const PAYMENT_STATUS: Record<PaymentDto['status'], { label: string; bg: string }> = {
  PENDING: { label: '처리 중', bg: 'info' },
  UNKNOWN: { label: '확인 중', bg: 'warning' },
  APPROVED: { label: '승인', bg: 'success' },
  DECLINED: { label: '거절', bg: 'danger' },
};

const seoulDate = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' });

/**
 * A calendar date (`YYYY-MM-DD`, already a Seoul date) or an ISO instant as the Seoul calendar
 * date, e.g. `2026년 12월 1일 (화)`; empty for null.
 */
export function formatSeoulDate(value: string | null | undefined): string {
  if (!value) return '';
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+09:00`) : new Date(value);
  return Number.isNaN(instant.getTime()) ? value : seoulDate.format(instant);
}
