import type { MismatchKind, PaymentStatusDto, RefundStatusDto } from '@roastery/contracts';

export const PAYMENT_STATUS: Record<PaymentStatusDto, { label: string; bg: string }> = {
  PAID: { label: '결제 완료', bg: 'success' },
  PARTIALLY_REFUNDED: { label: '부분 환불', bg: 'warning' },
  REFUNDED: { label: '전액 환불', bg: 'secondary' },
};

export const REFUND_STATUS: Record<RefundStatusDto, { label: string; bg: string }> = {
  REQUESTED: { label: '요청됨', bg: 'info' },
  COMPLETED: { label: '환불 완료', bg: 'success' },
  REFUSED: { label: '거절됨', bg: 'danger' },
};

export const MISMATCH_KIND: Record<MismatchKind, string> = {
  MISSING_AT_TOSS: '토스에 없음',
  MISSING_HERE: '우리 기록에 없음',
  AMOUNT_MISMATCH: '금액 불일치',
  REFUND_MISMATCH: '환불 불일치',
};

export const REQUESTER_ROLE: Record<string, string> = { ADMIN: '관리자', PARTNER: '파트너', SUBSCRIBER: '구독자', SYSTEM: '시스템' };

const seoulDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date in Asia/Seoul (YYYY-MM-DD), where payments are counted. */
export function seoulToday(now: Date = new Date()): string {
  return seoulDay.format(now);
}

/** A shortened uuid for tables (the full id is in the title and the link). */
export const shortId = (id: string) => id.slice(0, 8);
